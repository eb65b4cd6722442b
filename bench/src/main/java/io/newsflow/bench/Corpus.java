package io.newsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.analysis.ArticleText;
import io.newsflow.schemas.avro.IngestChannel;
import io.newsflow.schemas.avro.RawArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fixed benchmark corpus: {@code es-news.jsonl} and {@code en-news.jsonl} of {@code ../shared/corpus} (one JSON
 * object per line with {@code id}, {@code lang}, {@code title}, {@code text}), and the length buckets the
 * benchmarks cut it into.
 */
public final class Corpus {

    /** The corpus folder when neither {@code --corpus} nor {@value #DIRECTORY_PROPERTY} says otherwise. */
    public static final String DIRECTORY_PROPERTY = "newsflow.bench.corpus";

    /** Length buckets by UTF-8 size of title and text: the shortest quarter, the middle fifth, the longest tenth. */
    public enum Bucket {
        ALL(0.0, 1.0),
        SHORT(0.0, 0.25),
        MEDIAN(0.40, 0.60),
        LONG(0.90, 1.0);

        private final double from;
        private final double to;

        Bucket(double from, double to) {
            this.from = from;
            this.to = to;
        }

        /** The articles of this bucket, {@code articles} being in any order. */
        public List<Article> of(List<Article> articles) {
            List<Article> bySize = new ArrayList<>(articles);
            bySize.sort(Comparator.comparingInt(Article::bytes));
            int n = bySize.size();
            int a = (int) Math.floor(from * n);
            int b = Math.max(a + 1, (int) Math.ceil(to * n));
            return List.copyOf(bySize.subList(a, Math.min(n, b)));
        }
    }

    /**
     * One article of the corpus.
     *
     * @param bytes UTF-8 size of title and text together
     */
    public record Article(String id, String lang, String title, String text, int bytes) {

        /** As the enricher's analyzer sees it (title, no lede, text as body, the declared language). */
        public ArticleText articleText() {
            return new ArticleText(title, null, text, lang);
        }

        /**
         * As ingest would publish it, under {@code id}; {@code copy} > 0 appends " (copy N)" to the title, so the copy
         * is not an exact duplicate that the enricher's de-duplication would withhold from the sink.
         */
        public RawArticle raw(String id, int copy, Instant ingestedAt) {
            return RawArticle.newBuilder()
                    .setArticleId(id)
                    .setSource("newsflow-bench")
                    .setChannel(IngestChannel.FILE)
                    .setTitle(copy == 0 ? title : title + " (copy " + copy + ")")
                    .setBody(text)
                    .setDeclaredLanguage(lang)
                    .setIngestedAt(ingestedAt)
                    .setAttributes(Map.of())
                    .build();
        }
    }

    private Corpus() {}

    /** The folder: {@value #DIRECTORY_PROPERTY}, else {@code ../shared/corpus} beside the project folder. */
    public static Path defaultDirectory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        Path project = Path.of(System.getProperty("newsflow.project.dir", "."));
        return project.toAbsolutePath().normalize().resolveSibling("shared").resolve("corpus");
    }

    /** The articles of {@code <lang>-news.jsonl} in {@code directory}. */
    public static List<Article> load(Path directory, String lang) {
        Path file = directory.resolve(lang.toLowerCase(Locale.ROOT) + "-news.jsonl");
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String title = node.path("title").asText("");
                String text = node.path("text").asText("");
                out.add(new Article(
                        node.path("id").asText(),
                        node.path("lang").asText(lang),
                        title,
                        text,
                        (title + text).getBytes(StandardCharsets.UTF_8).length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the benchmark corpus " + file, e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("The benchmark corpus " + file + " holds no article");
        }
        return List.copyOf(out);
    }

    /** Both languages, Spanish first, as the pipeline harness cycles through them. */
    public static List<Article> both(Path directory) {
        List<Article> all = new ArrayList<>(load(directory, "es"));
        all.addAll(load(directory, "en"));
        return List.copyOf(all);
    }

    /** Mean UTF-8 size of title and text. */
    public static double meanBytes(List<Article> articles) {
        return articles.stream().mapToInt(Article::bytes).average().orElse(0);
    }
}
