package io.newsflow.analysis.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.Analysis;
import io.newsflow.analysis.ArticleAnalyzer;
import io.newsflow.analysis.ArticleText;
import io.newsflow.analysis.EntityKind;
import io.newsflow.analysis.LinkedEntity;
import io.newsflow.analysis.TopicMatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Quality and speed figures against the project's hand-labelled dev set ({@code shared/corpus/dev-gold.jsonl}).
 * Run {@link #main} (argument or system property {@code newsflow.corpus}: the corpus folder; default
 * {@code ../../shared/corpus} from the module folder, i.e. {@code ../shared/corpus} from the repository root).
 *
 * <p>Entity figures compare QID sets per article. The gold lists are deliberately incomplete (only entities whose
 * QID the labeller was certain of), so precision is a lower bound; it is also reported for the predictions the gold
 * systematically covers: countries, national capitals, and the curated people and organisations.
 */
public final class DevGoldEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One article of the corpus as the analyzer receives it: first line of the text is the title when equal. */
    public record CorpusArticle(String id, String lang, ArticleText text, int bytes) {}

    public record Counts(int tp, int fp, int fn) {
        Counts plus(Counts o) {
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

    /** The figures of one run. */
    public record Report(
            Counts entities,
            Counts coveredEntities,
            Counts topicsMicro,
            Map<String, Counts> topics,
            double articlesPerSecond,
            double megabytesPerSecond,
            int articles) {}

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : System.getProperty("newsflow.corpus", "../../shared/corpus"));
        ArticleAnalyzer analyzer = ArticleAnalyzer.loadDefault();
        run(analyzer, corpus, System.out, Boolean.getBoolean("newsflow.eval.verbose"));
    }

    public static Optional<Path> defaultCorpus() {
        for (String candidate :
                new String[] {System.getProperty("newsflow.corpus", ""), "../../shared/corpus", "../shared/corpus"}) {
            if (!candidate.isEmpty() && Files.isRegularFile(Path.of(candidate, "dev-gold.jsonl"))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    public static Report run(ArticleAnalyzer analyzer, Path corpus, PrintStream out, boolean verbose)
            throws IOException {
        Map<String, CorpusArticle> articles = new HashMap<>();
        for (String file : List.of("es-news.jsonl", "en-news.jsonl")) {
            for (CorpusArticle a : read(corpus.resolve(file))) {
                articles.put(a.id(), a);
            }
        }
        Counts entities = new Counts(0, 0, 0);
        Counts covered = new Counts(0, 0, 0);
        Map<String, Counts> topics = new TreeMap<>();
        for (String line : Files.readAllLines(corpus.resolve("dev-gold.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode gold = JSON.readTree(line);
            CorpusArticle article = articles.get(gold.get("id").asText());
            if (article == null) {
                throw new IllegalStateException("gold article not in corpus: " + gold.get("id"));
            }
            Analysis analysis = analyzer.analyze(article.text());
            Set<String> goldQids = new HashSet<>();
            gold.get("entities").forEach(e -> goldQids.add(e.get("qid").asText()));
            Set<String> predicted = new HashSet<>();
            Set<String> predictedCovered = new HashSet<>();
            for (LinkedEntity e : analysis.entities()) {
                predicted.add(e.id());
                if (isCoveredByGold(e)) {
                    predictedCovered.add(e.id());
                }
            }
            entities = entities.plus(compare(predicted, goldQids));
            covered = covered.plus(
                    new Counts(intersect(predictedCovered, goldQids), minus(predictedCovered, goldQids), 0));
            Set<String> goldTopics = new TreeSet<>();
            gold.get("topics").forEach(t -> goldTopics.add(t.asText()));
            Set<String> predictedTopics = new TreeSet<>();
            analysis.topics().forEach(t -> predictedTopics.add(t.id()));
            Set<String> all = new TreeSet<>(goldTopics);
            all.addAll(predictedTopics);
            for (String t : all) {
                Counts c = new Counts(
                        goldTopics.contains(t) && predictedTopics.contains(t) ? 1 : 0,
                        !goldTopics.contains(t) ? 1 : 0,
                        !predictedTopics.contains(t) ? 1 : 0);
                topics.merge(t, c, Counts::plus);
            }
            if (verbose) {
                out.printf(
                        "%s [%s %.2f] gold topics %s predicted %s%n",
                        article.id(),
                        analysis.language().code(),
                        analysis.language().confidence(),
                        goldTopics,
                        describe(analysis.topics()));
                out.printf(
                        "   entities missed %s%n   entities extra %s%n",
                        names(gold, minusSet(goldQids, predicted)), extra(analysis.entities(), goldQids));
                if (Boolean.getBoolean("newsflow.eval.evidence")) {
                    analysis.topics()
                            .forEach(t -> t.evidence()
                                    .forEach(ev -> out.printf(
                                            "   %s <- %s %s %s: %s%n",
                                            t.id(),
                                            ev.rule(),
                                            ev.field(),
                                            ev.matched(),
                                            ev.text().length() > 160 ? ev.text().substring(0, 160) : ev.text())));
                }
            }
        }
        Counts micro = topics.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);

        List<CorpusArticle> spanish = read(corpus.resolve("es-news.jsonl"));
        long bytes = spanish.stream().mapToLong(CorpusArticle::bytes).sum();
        for (int i = 0; i < Math.min(100, spanish.size()); i++) {
            analyzer.analyze(spanish.get(i).text()); // warm-up
        }
        long t0 = System.nanoTime();
        for (CorpusArticle a : spanish) {
            analyzer.analyze(a.text());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Report report = new Report(
                entities, covered, micro, topics, spanish.size() / seconds, bytes / 1e6 / seconds, spanish.size());

        out.println("== entities by QID (gold lists are incomplete: precision is a lower bound)");
        out.println("   all predictions:                            " + entities);
        out.println("   countries, capitals, curated people/orgs:   P "
                + String.format(Locale.ROOT, "%.3f", covered.precision()) + "  (tp " + covered.tp() + ", fp "
                + covered.fp() + ")");
        out.println("== topics");
        topics.forEach((t, c) -> out.printf("   %-24s %s%n", t, c));
        out.println("   micro-average            " + micro);
        out.printf(
                Locale.ROOT,
                "== throughput over es-news.jsonl (%d articles, %.2f MB, one thread): %.1f articles/s, %.2f MB/s%n",
                spanish.size(),
                bytes / 1e6,
                report.articlesPerSecond(),
                report.megabytesPerSecond());
        return report;
    }

    /** Whether the gold labels would list this entity had the article named it: the kinds the labeller always kept. */
    static boolean isCoveredByGold(LinkedEntity e) {
        return "country".equals(e.subtype()) || "capital".equals(e.subtype()) || e.kind() != EntityKind.LOC;
    }

    /** Reads a corpus JSONL file; the text's first line is the title in this corpus, so it is split off when equal. */
    public static List<CorpusArticle> read(Path file) throws IOException {
        List<CorpusArticle> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            String title = n.path("title").asText("");
            String text = n.path("text").asText("");
            String body = text;
            int nl = text.indexOf('\n');
            String firstLine = nl < 0 ? text : text.substring(0, nl);
            if (!title.isEmpty() && firstLine.strip().equals(title.strip())) {
                body = nl < 0 ? "" : text.substring(nl + 1);
            }
            int bytes = (title + body).getBytes(StandardCharsets.UTF_8).length;
            out.add(new CorpusArticle(
                    n.get("id").asText(),
                    n.path("lang").asText(null),
                    new ArticleText(title, null, body, n.path("lang").asText(null)),
                    bytes));
        }
        return out;
    }

    private static Counts compare(Set<String> predicted, Set<String> gold) {
        return new Counts(intersect(predicted, gold), minus(predicted, gold), minus(gold, predicted));
    }

    private static int intersect(Set<String> a, Set<String> b) {
        return (int) a.stream().filter(b::contains).count();
    }

    private static int minus(Set<String> a, Set<String> b) {
        return (int) a.stream().filter(x -> !b.contains(x)).count();
    }

    private static Set<String> minusSet(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static List<String> names(JsonNode gold, Set<String> qids) {
        List<String> out = new ArrayList<>();
        gold.get("entities").forEach(e -> {
            if (qids.contains(e.get("qid").asText())) {
                out.add(e.get("name").asText() + "/" + e.get("qid").asText());
            }
        });
        return out;
    }

    private static List<String> extra(List<LinkedEntity> entities, Set<String> gold) {
        List<String> out = new ArrayList<>();
        for (LinkedEntity e : entities) {
            if (!gold.contains(e.id())) {
                out.add(e.name() + "/" + e.id() + "(" + e.mentions().get(0).surface() + ","
                        + e.mentions().get(0).matchedBy() + ")");
            }
        }
        return out;
    }

    private static Map<String, Double> describe(List<TopicMatch> topics) {
        Map<String, Double> out = new LinkedHashMap<>();
        topics.forEach(t -> out.put(t.id(), t.score()));
        return out;
    }
}
