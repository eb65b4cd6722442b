package io.newsflow.analysis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.Analysis;
import io.newsflow.analysis.ArticleAnalyzer;
import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.TopicMatch;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what the analyzer finds in articles with gold labels. Gold: JSON lines with {@code id}, {@code topics}
 * (taxonomy ids) and {@code entities} (objects with {@code qid} and optionally {@code name}). Articles: JSON lines
 * with {@code id}, {@code title}, {@code text}, optional {@code lang} (as {@code newsflow annotate} reads them; a
 * first text line equal to the title is the title, as in the project corpus). Entity figures compare QID sets per
 * article; topic figures compare topic sets per article (micro-averaged).
 */
public final class Evaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Evaluation() {}

    /** True positives, false positives, false negatives. */
    public record Counts(int tp, int fp, int fn) {
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }

        public double precision() {
            return tp + fp == 0 ? 1.0 : tp / (double) (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : tp / (double) (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)",
                    precision(),
                    recall(),
                    f1(),
                    tp,
                    fp,
                    fn);
        }
    }

    /**
     * The figures of one run.
     *
     * @param language the language each article was evaluated under: its declared {@code lang}, else the detected one
     * @param errors   one line per wrong or missed entity or topic: article id, language, kind, id and name
     */
    public record Report(
            int articles,
            Counts entities,
            Counts topics,
            Map<String, Counts> entitiesByLanguage,
            Map<String, Counts> topicsByLanguage,
            Map<String, Counts> byTopic,
            List<String> errors) {
        public Report {
            entitiesByLanguage = Map.copyOf(entitiesByLanguage);
            topicsByLanguage = Map.copyOf(topicsByLanguage);
            byTopic = Map.copyOf(byTopic);
            errors = List.copyOf(errors);
        }
    }

    /** An article as the analyzer receives it, with the language the file declares (nullable). */
    public record Article(String id, String lang, ArticleText text) {}

    /** Evaluates every gold article; an id of the gold file missing from the articles is an error. */
    public static Report run(ArticleAnalyzer analyzer, Path gold, List<Path> articleFiles) throws IOException {
        Map<String, Article> articles = new HashMap<>();
        for (Path file : articleFiles) {
            for (Article a : readArticles(file)) {
                articles.put(a.id(), a);
            }
        }
        Counts entities = Counts.ZERO;
        Counts topics = Counts.ZERO;
        Map<String, Counts> entitiesByLanguage = new TreeMap<>();
        Map<String, Counts> topicsByLanguage = new TreeMap<>();
        Map<String, Counts> byTopic = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode g = JSON.readTree(line);
            String id = g.path("id").asText();
            Article article = articles.get(id);
            if (article == null) {
                throw new IllegalArgumentException("gold article " + id + " is in none of the article files");
            }
            n++;
            Analysis analysis = analyzer.analyze(article.text());
            String language = article.lang() != null
                    ? article.lang()
                    : analysis.language().code();

            Map<String, String> goldEntities = new TreeMap<>();
            g.path("entities")
                    .forEach(e -> goldEntities.put(
                            e.path("qid").asText(),
                            e.path("name").asText(e.path("qid").asText())));
            Map<String, String> found = new TreeMap<>();
            for (LinkedEntity e : analysis.entities()) {
                found.put(
                        e.id(),
                        e.name() + " (\"" + e.mentions().get(0).surface() + "\", "
                                + e.mentions().get(0).matchedBy() + ")");
            }
            Counts ec = compare(found.keySet(), goldEntities.keySet());
            entities = entities.plus(ec);
            entitiesByLanguage.merge(language, ec, Counts::plus);
            goldEntities.forEach((qid, name) -> {
                if (!found.containsKey(qid)) {
                    errors.add(id + " [" + language + "] entity missed  " + qid + " " + name);
                }
            });
            found.forEach((qid, name) -> {
                if (!goldEntities.containsKey(qid)) {
                    errors.add(id + " [" + language + "] entity extra   " + qid + " " + name);
                }
            });

            Set<String> goldTopics = new TreeSet<>();
            g.path("topics").forEach(t -> goldTopics.add(t.asText()));
            Set<String> foundTopics = new TreeSet<>();
            for (TopicMatch t : analysis.topics()) {
                foundTopics.add(t.id());
            }
            Counts tc = compare(foundTopics, goldTopics);
            topics = topics.plus(tc);
            topicsByLanguage.merge(language, tc, Counts::plus);
            Set<String> all = new LinkedHashSet<>(goldTopics);
            all.addAll(foundTopics);
            for (String t : all) {
                boolean inGold = goldTopics.contains(t);
                boolean inFound = foundTopics.contains(t);
                byTopic.merge(t, new Counts(inGold && inFound ? 1 : 0, inGold ? 0 : 1, inFound ? 0 : 1), Counts::plus);
                if (inGold != inFound) {
                    errors.add(id + " [" + language + "] topic " + (inGold ? "missed   " : "extra    ") + t);
                }
            }
        }
        return new Report(n, entities, topics, entitiesByLanguage, topicsByLanguage, byTopic, errors);
    }

    /** Prints the report: totals, per language, per topic, then the errors. */
    public static void print(Report r, PrintWriter out) {
        out.printf("articles: %d%n", r.articles());
        out.println("== entities by QID");
        out.println("   all            " + r.entities());
        r.entitiesByLanguage().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("   %-14s %s%n", e.getKey(), e.getValue()));
        out.println("== topics (micro-averaged)");
        out.println("   all            " + r.topics());
        r.topicsByLanguage().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("   %-14s %s%n", e.getKey(), e.getValue()));
        out.println("== per topic");
        r.byTopic().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("   %-24s %s%n", e.getKey(), e.getValue()));
        out.println("== errors (" + r.errors().size() + ")");
        r.errors().forEach(e -> out.println("   " + e));
        out.flush();
    }

    /** Reads article JSON lines; a first text line equal to the title is split off as the title. */
    public static List<Article> readArticles(Path file) throws IOException {
        List<Article> out = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (!n.hasNonNull("id")) {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": article without an id");
            }
            String title = n.path("title").asText("");
            String text = n.path("text").asText("");
            String body = text;
            int nl = text.indexOf('\n');
            String firstLine = nl < 0 ? text : text.substring(0, nl);
            if (!title.isEmpty() && firstLine.strip().equals(title.strip())) {
                body = nl < 0 ? "" : text.substring(nl + 1);
            }
            String lang = n.hasNonNull("lang") ? n.get("lang").asText() : null;
            out.add(new Article(n.get("id").asText(), lang, new ArticleText(title, null, body, lang)));
        }
        return out;
    }

    private static Counts compare(Set<String> found, Set<String> gold) {
        int tp = 0;
        for (String f : found) {
            if (gold.contains(f)) {
                tp++;
            }
        }
        return new Counts(tp, found.size() - tp, gold.size() - tp);
    }
}
