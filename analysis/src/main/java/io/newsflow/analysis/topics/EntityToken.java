package io.newsflow.analysis.topics;

import io.newsflow.analysis.EntityKind;
import io.newsflow.analysis.linking.ResolvedMention;
import java.util.regex.Pattern;

/**
 * What an entity group in a rule may name:
 * <ul>
 *   <li>{@code KP}: a mention standing for that country (the country, its capital, its demonym, a curated person or
 *       organisation of that country);</li>
 *   <li>{@code in:US}: any place in that country, cities included;</li>
 *   <li>{@code Q7184}: that entity;</li>
 *   <li>{@code *}: any mention standing for a country, or any organisation.</li>
 * </ul>
 */
public record EntityToken(String text) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern IN_COUNTRY = Pattern.compile("in:[A-Z]{2}");
    private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

    public EntityToken {
        if (!(text.equals("*")
                || COUNTRY.matcher(text).matches()
                || IN_COUNTRY.matcher(text).matches()
                || QID.matcher(text).matches())) {
            throw new IllegalArgumentException("not an entity token (CC, in:CC, Q123 or *): " + text);
        }
    }

    /** Whether {@code mention} satisfies this token; the returned label (country code or QID) is the evidence. */
    String matchLabel(ResolvedMention mention) {
        String cc = mention.entity().countryCode();
        if (text.equals("*")) {
            if (mention.standsForCountry()) {
                return cc;
            }
            return mention.entity().kind() == EntityKind.ORG ? mention.entity().qid() : null;
        }
        if (text.startsWith("Q")) {
            return text.equals(mention.entity().qid()) ? text : null;
        }
        if (text.startsWith("in:")) {
            return text.substring(3).equals(cc) && mention.entity().kind() == EntityKind.LOC ? cc : null;
        }
        return text.equals(cc) && mention.standsForCountry() ? cc : null;
    }
}
