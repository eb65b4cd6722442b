package io.newsflow.analysis.topics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.TextField;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a self-contained taxonomy <em>rules document</em>: the rules file format of
 * {@code geo-topics-v1.rules.json} (see its {@code "format"} entry) plus a {@code "definitions"} object that declares
 * the taxonomy's topics, which for the bundled taxonomy come from its TSV:
 *
 * <pre>{@code
 * {
 *   "taxonomy": "geo-topics-v2",            // <id>-v<version>; the id is the record key on news-taxonomy
 *   "threshold": 0.5, "saturation": 2.0,
 *   "salience": {"leadChars": 600, "minShare": 0.1},   // optional; without it a topic is reported by score alone
 *   "fieldWeights": {"TITLE": 2.0, "LEDE": 1.5, "BODY": 1.0},
 *   "definitions": {"sahel-security": {"label_en": "...", "label_es": "...", "definition": "..."}, ...},
 *   "cueSets": {"name": ["cue", "stem*"], ...},
 *   "topics": {"sahel-security": [{"name": "...", "entities": [["ML"]], "cues": [["@name"]]}], ...}
 * }
 * }</pre>
 *
 * <p>Every problem found is reported with its line; parsing does not stop at the first bad rule. Stateless and
 * thread-safe.
 */
public final class TaxonomyDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private TaxonomyDocument() {}

    /** Parses and validates a UTF-8 rules document. */
    public static Taxonomy parse(byte[] document) throws InvalidTaxonomyException {
        if (document == null || document.length == 0) {
            throw new InvalidTaxonomyException(0, "the rules document is empty");
        }
        return parse(new String(document, StandardCharsets.UTF_8));
    }

    /** Parses and validates a rules document. */
    public static Taxonomy parse(String document) throws InvalidTaxonomyException {
        JsonNode root;
        try {
            root = MAPPER.readTree(document);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidTaxonomyException(
                    at == null ? 0 : at.getLineNr(), "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidTaxonomyException(1, "a rules document is a JSON object");
        }
        Map<String, Integer> lines = lineIndex(document);
        Problems problems = new Problems(lines);

        String name = root.path("taxonomy").asText("");
        if (!Taxonomy.NAME.matcher(name).matches()) {
            problems.add(
                    root.has("taxonomy") ? "/taxonomy" : "",
                    "\"taxonomy\" must name the taxonomy and its version, like geo-topics-v2; got '" + name + "'");
        }
        double threshold = number(root, "threshold", problems);
        double saturation = number(root, "saturation", problems);
        Map<TextField, Double> fieldWeights = new EnumMap<>(TextField.class);
        for (TextField f : TextField.values()) {
            JsonNode w = root.path("fieldWeights").path(f.name());
            if (!w.isNumber() || !(w.asDouble() > 0)) {
                problems.add(
                        root.has("fieldWeights") ? "/fieldWeights" : "",
                        "\"fieldWeights\" needs a positive number for " + f.name());
            } else {
                fieldWeights.put(f, w.asDouble());
            }
        }

        Set<String> declared = new LinkedHashSet<>();
        JsonNode definitions = root.path("definitions");
        if (!definitions.isObject() || definitions.isEmpty()) {
            problems.add("", "\"definitions\" must be an object declaring at least one topic id");
        } else {
            definitions.properties().forEach(e -> {
                String pointer = pointer("definitions", e.getKey());
                if (!TOPIC_ID.matcher(e.getKey()).matches()) {
                    problems.add(pointer, "topic id '" + e.getKey() + "' is not kebab-case (a-z, 0-9, '-')");
                } else if (!e.getValue().path("label_en").isTextual()
                        || e.getValue().path("label_en").asText().isBlank()) {
                    problems.add(pointer, "topic " + e.getKey() + " needs a \"label_en\"");
                } else {
                    declared.add(e.getKey());
                }
            });
        }

        Map<String, List<String>> cueSets = new HashMap<>();
        root.path("cueSets").properties().forEach(e -> {
            try {
                cueSets.put(e.getKey(), TopicRules.strings(e.getValue()));
            } catch (IllegalArgumentException ex) {
                problems.add(pointer("cueSets", e.getKey()), "cue set " + e.getKey() + ": " + ex.getMessage());
            }
        });

        List<TopicDefinition> topics = new ArrayList<>();
        JsonNode topicsNode = root.path("topics");
        if (!topicsNode.isObject()) {
            problems.add("", "\"topics\" must be an object of rules per topic id");
        }
        Set<String> withRules = new LinkedHashSet<>();
        topicsNode.properties().forEach(e -> {
            String topic = e.getKey();
            String topicPointer = pointer("topics", topic);
            if (!definitions.has(topic)) {
                problems.add(topicPointer, "rules for topic '" + topic + "', which \"definitions\" does not declare");
            }
            withRules.add(topic);
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                problems.add(topicPointer, "topic " + topic + " needs a non-empty array of rules");
                return;
            }
            List<TopicRule> rules = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode r = e.getValue().get(i);
                try {
                    rules.add(rule(r, cueSets));
                } catch (IllegalArgumentException ex) {
                    problems.add(
                            topicPointer + "/" + i,
                            "topic " + topic + ", rule " + r.path("name").asText("#" + i) + ": " + ex.getMessage());
                }
            }
            if (rules.size() == e.getValue().size()) {
                topics.add(new TopicDefinition(topic, rules));
            }
        });
        for (String topic : declared) {
            if (!withRules.contains(topic)) {
                problems.add(pointer("definitions", topic), "topic " + topic + " is declared but has no rules");
            }
        }
        problems.throwIfAny();

        List<String> order = new ArrayList<>(declared);
        topics.sort((a, b) -> Integer.compare(order.indexOf(a.id()), order.indexOf(b.id())));
        try {
            return Taxonomy.compile(
                    new TopicRules(
                            name,
                            threshold,
                            saturation,
                            fieldWeights,
                            topics,
                            TopicRules.Salience.parse(root.path("salience"))),
                    digest(document));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaxonomyException(lines.getOrDefault("", 1), e.getMessage());
        }
    }

    /** {@code rules-} and the first 8 hex digits of the SHA-256 of the document. */
    static String digest(String document) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return "rules-" + HexFormat.of().formatHex(sha).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static TopicRule rule(JsonNode r, Map<String, List<String>> cueSets) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("a rule is a JSON object");
        }
        JsonNode weight = r.path("weight");
        if (!weight.isMissingNode() && !weight.isNumber()) {
            throw new IllegalArgumentException("\"weight\" must be a number");
        }
        return TopicRules.rule(r, cueSets);
    }

    private static double number(JsonNode root, String field, Problems problems) {
        JsonNode n = root.path(field);
        if (!n.isNumber()) {
            problems.add(root.has(field) ? "/" + field : "", "\"" + field + "\" must be a number");
            return Double.NaN;
        }
        double v = n.asDouble();
        boolean ok = field.equals("threshold") ? v > 0 && v < 1 : v > 0;
        if (!ok) {
            problems.add("/" + field, "\"" + field + "\" out of range: " + v);
        }
        return v;
    }

    private static String pointer(String parent, String property) {
        return JsonPointer.empty()
                .appendProperty(parent)
                .appendProperty(property)
                .toString();
    }

    /** The line each JSON value starts on, by JSON pointer ({@code ""} is the root). */
    private static Map<String, Integer> lineIndex(String document) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(document)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    lines.putIfAbsent(
                            p.getParsingContext().pathAsPointer().toString(),
                            p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // the document was parsed already; an index that stops early only loses line numbers
        }
        return lines;
    }

    /** Problems collected with the line of the JSON value they concern. */
    private static final class Problems {
        private final Map<String, Integer> lines;
        private final List<InvalidTaxonomyException.Problem> found = new ArrayList<>();

        Problems(Map<String, Integer> lines) {
            this.lines = lines;
        }

        void add(String pointer, String message) {
            found.add(new InvalidTaxonomyException.Problem(lines.getOrDefault(pointer, 1), message));
        }

        void throwIfAny() throws InvalidTaxonomyException {
            if (!found.isEmpty()) {
                List<InvalidTaxonomyException.Problem> sorted = new ArrayList<>(found);
                sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
                throw new InvalidTaxonomyException(sorted);
            }
        }
    }
}
