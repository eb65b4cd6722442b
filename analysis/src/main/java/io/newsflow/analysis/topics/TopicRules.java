package io.newsflow.analysis.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.TextField;
import io.newsflow.analysis.kb.KnowledgeBaseLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed and validated taxonomy rules file (see {@code topics/geo-topics-v1.rules.json} for the format, described
 * in its own {@code "format"} entry). Loading fails fast when a topic of the taxonomy TSV has no rules, when the file
 * names a topic the TSV lacks, or when a cue set or entity token is unknown. Immutable.
 *
 * @param taxonomy     taxonomy version, e.g. {@code geo-topics-v1}
 * @param threshold    minimum score for a topic to be reported
 * @param saturation   score = 1 - exp(-strength / saturation)
 * @param fieldWeights multiplier of a firing sentence's rule weight per field
 * @param topics       in taxonomy order
 * @param salience     when an article is substantially about a topic, beyond its score
 */
public record TopicRules(
        String taxonomy,
        double threshold,
        double saturation,
        Map<TextField, Double> fieldWeights,
        List<TopicDefinition> topics,
        Salience salience) {

    /**
     * When an article is substantially about a topic: some of its evidence is in the title, the lede or a body
     * sentence starting within the body's first {@code leadChars} characters (about the first paragraph: articles
     * without a lede field start there), or at least {@code minShare} of the article's sentences (title and lede
     * included) fire it. A topic that passes neither is a passing mention and is not reported, whatever its
     * score. {@link #NONE} reports by score alone.
     *
     * @param leadChars     characters at the start of the body whose sentences count as the lede
     * @param minShare      share of the article's sentences, in [0, 1)
     */
    public record Salience(int leadChars, double minShare) {
        public static final Salience NONE = new Salience(0, 0);

        public Salience {
            if (leadChars < 0 || !(minShare >= 0 && minShare < 1)) {
                throw new IllegalArgumentException("salience needs leadChars >= 0 and minShare in [0, 1)");
            }
        }

        /** Whether a topic is salient: evidence in the lead, or {@code firing} of {@code sentences} sentences. */
        public boolean isSalient(boolean inLead, int firing, int sentences) {
            return inLead || firing >= minShare * sentences;
        }

        static Salience parse(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return NONE;
            }
            return new Salience(
                    node.path("leadChars").asInt(0), node.path("minShare").asDouble(0));
        }
    }

    /** Rules that report by score alone ({@link Salience#NONE}). */
    public TopicRules(
            String taxonomy,
            double threshold,
            double saturation,
            Map<TextField, Double> fieldWeights,
            List<TopicDefinition> topics) {
        this(taxonomy, threshold, saturation, fieldWeights, topics, Salience.NONE);
    }

    public static final String BASE = "/io/newsflow/analysis/topics/";
    public static final String DEFAULT_TAXONOMY = "geo-topics-v1";

    public TopicRules {
        fieldWeights = Map.copyOf(fieldWeights);
        topics = List.copyOf(topics);
        java.util.Objects.requireNonNull(salience, "salience");
        if (!(threshold > 0 && threshold < 1) || !(saturation > 0)) {
            throw new IllegalArgumentException("threshold must be in (0,1) and saturation positive");
        }
    }

    /** The rules of {@value #DEFAULT_TAXONOMY} shipped in this module's resources. */
    public static TopicRules fromClasspath() {
        return parse(read(DEFAULT_TAXONOMY + ".rules.json"), read(DEFAULT_TAXONOMY + ".tsv"));
    }

    /**
     * The version of the shipped rules: {@code rules-} and the first 8 hex digits of the SHA-256 of the rules file and
     * the taxonomy TSV, so a change to either shows in every record enriched with it.
     */
    public static String classpathRulesVersion() {
        return rulesVersion(read(DEFAULT_TAXONOMY + ".rules.json"), read(DEFAULT_TAXONOMY + ".tsv"));
    }

    /** The version of a rules file read against a taxonomy: a digest of both texts. */
    public static String rulesVersion(String rulesJson, String taxonomyTsv) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(rulesJson.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(taxonomyTsv.getBytes(StandardCharsets.UTF_8));
            return "rules-" + HexFormat.of().formatHex(sha.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** Parses a rules file and checks it against the taxonomy TSV (first column: topic id). */
    public static TopicRules parse(String rulesJson, String taxonomyTsv) {
        Set<String> declared = new LinkedHashSet<>();
        String[] lines = taxonomyTsv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                declared.add(lines[i].split("\t", 2)[0].strip());
            }
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(rulesJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("rules file is not valid JSON: " + e.getMessage(), e);
        }
        Map<String, List<String>> cueSets = new HashMap<>();
        root.path("cueSets").properties().forEach(e -> cueSets.put(e.getKey(), strings(e.getValue())));
        Map<TextField, Double> fieldWeights = new EnumMap<>(TextField.class);
        for (TextField f : TextField.values()) {
            fieldWeights.put(f, required(root.path("fieldWeights"), f.name()).asDouble());
        }
        List<TopicDefinition> topics = new ArrayList<>();
        JsonNode topicsNode = required(root, "topics");
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, JsonNode> e : topicsNode.properties()) {
            if (!declared.contains(e.getKey())) {
                throw new IllegalArgumentException("rules for a topic the taxonomy does not declare: " + e.getKey());
            }
            seen.add(e.getKey());
            List<TopicRule> rules = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                rules.add(rule(r, cueSets));
            }
            topics.add(new TopicDefinition(e.getKey(), rules));
        }
        Set<String> missing = new LinkedHashSet<>(declared);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("taxonomy topics without rules: " + missing);
        }
        List<String> order = new ArrayList<>(declared);
        topics.sort((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id())));
        return new TopicRules(
                required(root, "taxonomy").asText(),
                required(root, "threshold").asDouble(),
                required(root, "saturation").asDouble(),
                fieldWeights,
                topics,
                Salience.parse(root.path("salience")));
    }

    /** One rule object of a rules file; the constructor of {@link TopicRule} validates it. */
    static TopicRule rule(JsonNode r, Map<String, List<String>> cueSets) {
        return new TopicRule(
                required(r, "name").asText(),
                tokenGroups(r.path("entities")),
                cueGroups(r.path("cues"), cueSets),
                tokenGroups(r.path("context")),
                r.path("contextMinMentions").asInt(1),
                r.has("unless") ? cueGroups(List.of(r.get("unless")), cueSets).get(0) : List.of(),
                r.has("unlessEntities")
                        ? strings(r.get("unlessEntities")).stream()
                                .map(EntityToken::new)
                                .toList()
                        : List.of(),
                r.path("weight").asDouble(1.0));
    }

    static List<List<EntityToken>> tokenGroups(JsonNode node) {
        List<List<EntityToken>> out = new ArrayList<>();
        for (JsonNode group : node) {
            out.add(strings(group).stream().map(EntityToken::new).toList());
        }
        return out;
    }

    static List<List<String>> cueGroups(Iterable<JsonNode> node, Map<String, List<String>> cueSets) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode group : node) {
            Set<String> cues = new LinkedHashSet<>();
            for (String cue : strings(group)) {
                if (cue.startsWith("@")) {
                    List<String> set = cueSets.get(cue.substring(1));
                    if (set == null) {
                        throw new IllegalArgumentException("unknown cue set " + cue);
                    }
                    set.forEach(c -> cues.add(normaliseCue(c)));
                } else {
                    cues.add(normaliseCue(cue));
                }
            }
            out.add(List.copyOf(cues));
        }
        return out;
    }

    /** Cues are folded like the text; a trailing {@code *} marks a stem. */
    static String normaliseCue(String cue) {
        String key = KnowledgeBaseLoader.normaliseKey(cue);
        if (key.isEmpty() || key.equals("*")) {
            throw new IllegalArgumentException("empty cue");
        }
        return key;
    }

    static List<String> strings(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array, got " + array);
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("rules file: missing field " + field);
        }
        return v;
    }

    private static String read(String name) {
        try (InputStream in = TopicRules.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing taxonomy resource " + BASE + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All cue forms of all rules (stems with their trailing star). */
    Set<String> allCues() {
        Set<String> out = new HashSet<>();
        topics.forEach(t -> t.rules().forEach(r -> {
            r.cues().forEach(out::addAll);
            out.addAll(r.unless());
        }));
        return out;
    }

    /** A cue without its stem marker. */
    static String stem(String cue) {
        return cue.endsWith("*") ? cue.substring(0, cue.length() - 1) : cue;
    }
}
