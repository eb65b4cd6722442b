package io.newsflow.analysis.topics;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A taxonomy ready to tag with: its validated rules, the tagger compiled from them (built once, here), and the
 * versions records carry. Immutable and thread-safe, so a running enricher can swap one instance for another between
 * two records.
 *
 * @param id           the taxonomy id, e.g. {@code geo-topics}; the key of its records on {@code news-taxonomy}
 * @param version      the version number, e.g. {@code 2} for {@code geo-topics-v2}
 * @param rules        the validated rules; {@code rules.taxonomy()} is {@code id + "-v" + version}
 * @param rulesVersion digest of the rules text ({@code rules-1a2b3c4d}), so two documents that claim the same version
 *                     but differ show it
 * @param tagger       the tagger compiled from {@code rules}
 */
public record Taxonomy(String id, int version, TopicRules rules, String rulesVersion, TopicTagger tagger) {

    /** A taxonomy name: kebab-case id, {@code -v}, a version number from 1. */
    static final Pattern NAME = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)-v([1-9][0-9]{0,8})");

    public Taxonomy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(tagger, "tagger");
        if (!rules.taxonomy().equals(id + "-v" + version)) {
            throw new IllegalArgumentException(
                    "taxonomy " + rules.taxonomy() + " does not match id " + id + " and version " + version);
        }
    }

    /** Compiles validated rules whose {@code taxonomy} is a well-formed name ({@code geo-topics-v2}). */
    public static Taxonomy compile(TopicRules rules, String rulesVersion) {
        Matcher m = NAME.matcher(rules.taxonomy());
        if (!m.matches()) {
            throw new IllegalArgumentException("taxonomy name must look like geo-topics-v2, got " + rules.taxonomy());
        }
        return new Taxonomy(m.group(1), Integer.parseInt(m.group(2)), rules, rulesVersion, new TopicTagger(rules));
    }

    /** The taxonomy shipped in this module's resources ({@value TopicRules#DEFAULT_TAXONOMY}). */
    public static Taxonomy bundled() {
        return compile(TopicRules.fromClasspath(), TopicRules.classpathRulesVersion());
    }

    /** The full name, e.g. {@code geo-topics-v2}. */
    public String name() {
        return rules.taxonomy();
    }

    /** The topic ids, in taxonomy order. */
    public List<String> topicIds() {
        return rules.topics().stream().map(TopicDefinition::id).toList();
    }
}
