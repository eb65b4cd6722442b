package io.newsflow.schemas.config;

import java.util.regex.Pattern;

/**
 * Takes credentials out of text that may be printed: a message, a log line, a config error. Every URL newsflow
 * prints (schema registry, JDBC) goes through {@link #url}.
 */
public final class Redact {

    /** What stands for a removed secret. */
    public static final String MASK = "***";

    // user info of any scheme: http://user:pass@host, postgresql://user:pass@host, jdbc:postgresql://user:pass@host
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?#\\s]*@");
    // query or semicolon parameters that carry secrets: ?password=..., ;password=..., &sslpassword=...
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;](?:[a-z.]*password|pwd|pass|secret|token|api[-_.]?key|user\\.info)=)[^&;#\\s]*");

    private Redact() {}

    /**
     * The URL with its user info and secret parameters masked: {@code https://***@registry:8081},
     * {@code jdbc:postgresql://db/news?user=app&password=***}. {@code null} stays {@code null}.
     */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        String s = USER_INFO.matcher(url).replaceAll("$1" + MASK + "@");
        return SECRET_PARAMETER.matcher(s).replaceAll("$1" + MASK);
    }
}
