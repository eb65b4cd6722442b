package io.newsflow.bench;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of full enrichment goes: a JFR recording (JDK Flight Recorder, method sampling every 10 ms) of
 * {@link ArticleEnricher#enrich} over the corpus, warm, summarised by enrichment stage (the analysis entry point a
 * sample is under) and by hottest leaf method.
 */
public final class EnrichmentProfile {

    /** Stage name by the frame that marks it, most specific first. */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();

    static {
        STAGES.put("io.newsflow.analysis.language.LanguageIdentifier.identify", "language identification");
        STAGES.put("io.newsflow.analysis.linking.EntityLinker.link", "entity matching and linking");
        STAGES.put("io.newsflow.analysis.topics.TopicTagger.tag", "topic tagging");
        STAGES.put("io.newsflow.analysis.fingerprint.Fingerprinter.of", "fingerprint");
    }

    /**
     * The summary.
     *
     * @param samples execution samples in the enriching thread
     * @param byStage share of samples per stage, largest first ("other" is building the record and the rest)
     * @param hottest share of samples per leaf method, the ten largest
     */
    public record Summary(int samples, Map<String, Double> byStage, Map<String, Double> hottest, Path recording) {}

    private EnrichmentProfile() {}

    public static Summary record(List<Corpus.Article> corpus, Duration warmUp, Duration recorded, Path file)
            throws IOException {
        ArticleEnricher enricher = ArticleEnricher.withDefaultKnowledgeBase();
        Instant now = Instant.now();
        List<RawArticle> raws = new ArrayList<>();
        for (Corpus.Article a : corpus) {
            raws.add(a.raw(a.id(), 0, now));
        }
        enrichFor(enricher, raws, warmUp);
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            enrichFor(enricher, raws, recorded);
            recording.stop();
            recording.dump(file);
        }
        String thread = Thread.currentThread().getName();
        Map<String, Integer> stages = new HashMap<>();
        Map<String, Integer> leaves = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")
                    || e.getThread("sampledThread") == null
                    || !thread.equals(e.getThread("sampledThread").getJavaName())) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            leaves.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            String stage = "other (building the EnrichedArticle, copying, the loop)";
            for (RecordedFrame f : stack.getFrames()) {
                String s = STAGES.get(name(f));
                if (s != null) {
                    stage = s;
                    break;
                }
            }
            stages.merge(stage, 1, Integer::sum);
        }
        return new Summary(samples, shares(stages, samples, 10), shares(leaves, samples, 10), file);
    }

    private static void enrichFor(ArticleEnricher enricher, List<RawArticle> raws, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            enricher.enrich(raws.get(i++ % raws.size()), Instant.EPOCH);
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int total, int top) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.put(e.getKey(), total == 0 ? 0 : 100.0 * e.getValue() / total));
        return out;
    }
}
