package io.newsflow.ingest;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stable article id, the record key of every article topic. The same input gives the same id, on every run and
 * every machine, so that a re-sent article is recognised as the same article downstream.
 *
 * <ol>
 *   <li>The sender's id when one is given, trimmed; it must be non-blank, at most {@value #MAX_ID_LENGTH} code
 *       points and free of control characters.</li>
 *   <li>Else, when the article has a URL: {@code "url-"} + the first 16 hex digits of SHA-256 of the
 *       {@linkplain #canonicalUrl canonical URL}, which has no tracking parameters ({@link #TRACKING_PARAMETERS}), so
 *       the same story shared with different campaign tags gets the same id.</li>
 *   <li>Else {@code "txt-"} + the first 16 hex digits of SHA-256 of the title and body with every run of whitespace
 *       (line breaks included) folded to one space ({@link ArticleNormaliser#normaliseLine}), joined by
 *       {@code "\n"}. Folding line breaks too makes the id survive re-wrapping of the text.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ArticleIds {

    /** Longest sender id accepted, in code points. */
    public static final int MAX_ID_LENGTH = 200;

    private ArticleIds() {}

    /**
     * The id of an article.
     *
     * @param senderId the id the sender gave, nullable
     * @param url      the article URL, nullable; canonicalised here (canonicalising twice changes nothing)
     * @param title    the title, normalised or not
     * @param body     the body, normalised or not
     * @throws InvalidArticleException when the sender's id or the URL is invalid
     */
    public static String articleId(String senderId, String url, String title, String body) {
        if (senderId != null) {
            return senderId(senderId);
        }
        if (url != null) {
            return "url-" + sha256Prefix(canonicalUrl(url));
        }
        return "txt-"
                + sha256Prefix(ArticleNormaliser.normaliseLine(title) + "\n" + ArticleNormaliser.normaliseLine(body));
    }

    /**
     * Validates a sender's id and returns it trimmed.
     *
     * @throws InvalidArticleException naming the problem
     */
    public static String senderId(String id) {
        String trimmed = id.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidArticleException("id is blank; omit it to let newsflow derive one");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_ID_LENGTH) {
            throw new InvalidArticleException(
                    "id is " + length + " characters long; at most " + MAX_ID_LENGTH + " are allowed");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidArticleException("id contains control characters");
        }
        return trimmed;
    }

    /**
     * The canonical form of an absolute http(s) URL: scheme and host lower-cased, default port dropped, empty path
     * made {@code /}, fragment dropped, {@linkplain #isTrackingParameter tracking parameters} dropped, the other
     * parameters kept in their order.
     *
     * @throws InvalidArticleException when the text is not an absolute http or https URL with a host
     */
    public static String canonicalUrl(String url) {
        String text = asciiHost(url.strip());
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidArticleException("url '" + text + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)
                || uri.getRawAuthority() == null
                || uri.getHost() == null) {
            throw new InvalidArticleException("url '" + text + "' is not an absolute http or https URL with a host");
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        String query = uri.getRawQuery();
        if (query != null) {
            List<String> kept = new ArrayList<>();
            for (String param : query.split("&")) {
                if (!param.isEmpty() && !isTrackingParameter(param.substring(0, eq(param)))) {
                    kept.add(param);
                }
            }
            if (!kept.isEmpty()) {
                out.append('?').append(String.join("&", kept));
            }
        }
        return out.toString();
    }

    /**
     * Query parameters that say how a reader came to the page, not which page it is, and so are removed before the URL
     * identifies the article (compared case-insensitively). Besides these names, every parameter starting with
     * {@code utm_} (Google Analytics campaign tags) or {@code pk_} (Matomo campaign tags) is removed. Sources:
     * {@code fbclid} Facebook; {@code gclid}, {@code gclsrc}, {@code dclid}, {@code gbraid}, {@code wbraid} Google
     * Ads; {@code msclkid} Microsoft Ads; {@code yclid} Yandex; {@code twclid}, {@code ref_src}, {@code ref_url}
     * X/Twitter; {@code ttclid} TikTok; {@code li_fat_id} LinkedIn; {@code igshid}, {@code igsh} Instagram;
     * {@code mc_cid}, {@code mc_eid} Mailchimp; {@code _hsenc}, {@code _hsmi} HubSpot; {@code mkt_tok} Marketo;
     * {@code oly_anon_id}, {@code oly_enc_id} Omeda; {@code vero_id}, {@code vero_conv} Vero. Generic names such as
     * {@code ref} or {@code source} are kept: some sites use them to pick the page.
     */
    public static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid",
            "gclid",
            "gclsrc",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "twclid",
            "ref_src",
            "ref_url",
            "ttclid",
            "li_fat_id",
            "igshid",
            "igsh",
            "mc_cid",
            "mc_eid",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "oly_anon_id",
            "oly_enc_id",
            "vero_id",
            "vero_conv");

    /** Whether a query parameter name (as written, not decoded) is a tracking parameter; see {@link #TRACKING_PARAMETERS}. */
    public static boolean isTrackingParameter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || n.startsWith("pk_") || TRACKING_PARAMETERS.contains(n);
    }

    private static int eq(String param) {
        int i = param.indexOf('=');
        return i < 0 ? param.length() : i;
    }

    /**
     * Writes an internationalised host name in its ASCII (punycode) form, which {@link URI} requires: {@code
     * https://Política.elpais.com/x} becomes {@code https://xn--poltica-wwa.elpais.com/x}. Other URLs are returned as
     * they are.
     */
    private static String asciiHost(String text) {
        Matcher m = SCHEME_AND_AUTHORITY.matcher(text);
        if (!m.lookingAt() || m.group(2).chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        int colon = authority.indexOf(':', at + 1);
        String host = authority.substring(at + 1, colon < 0 ? authority.length() : colon);
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return m.group(1)
                    + authority.substring(0, at + 1)
                    + ascii
                    + (colon < 0 ? "" : authority.substring(colon))
                    + text.substring(m.end());
        } catch (IllegalArgumentException e) {
            throw new InvalidArticleException("url '" + text + "' has a host name that is not a valid internationalised"
                    + " domain name: " + e.getMessage());
        }
    }

    private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*)");

    /** The first 8 bytes of the SHA-256 of {@code text}'s UTF-8, in hex: what ids and fingerprints are made of. */
    static String sha256Prefix(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
