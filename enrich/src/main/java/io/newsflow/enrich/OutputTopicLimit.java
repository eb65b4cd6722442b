package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The largest record the enricher's output topics take, as the broker says now: the smallest
 * {@code max.message.bytes} of {@code news-articles-enriched} and every {@code news-topic-*}, and never more than the
 * producer's {@code max.request.size} ({@link Topics#MAX_MESSAGE_BYTES}). Read at start and every
 * {@link #REFRESH} after, so a topic created by other tools with the broker's 1 MiB default, or changed while the
 * enricher runs, is respected. Until the first answer, and when the broker does not answer, the last known value
 * holds. Thread-safe: read by stream threads, written by its own.
 */
final class OutputTopicLimit implements IntSupplier, AutoCloseable {

    static final Duration REFRESH = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(OutputTopicLimit.class);

    private final Admin admin;
    private final AtomicInteger limit = new AtomicInteger(Topics.MAX_MESSAGE_BYTES);
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsflow-enrich-output-limit");
        t.setDaemon(true);
        return t;
    });

    private OutputTopicLimit(Admin admin) {
        this.admin = admin;
    }

    /** Starts reading the limit with {@code admin} (not closed by this). */
    static OutputTopicLimit watch(Admin admin) {
        OutputTopicLimit limit = new OutputTopicLimit(admin);
        limit.refresher.scheduleWithFixedDelay(limit::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return limit;
    }

    @Override
    public int getAsInt() {
        return limit.get();
    }

    /** Reads the output topics' limits now, on the calling thread (its own thread does every {@link #REFRESH}). */
    void refresh() {
        try {
            List<ConfigResource> topics = new ArrayList<>();
            for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                if (topic.equals(Topics.ARTICLES_ENRICHED) || topic.startsWith(Topics.GEO_TOPIC_PREFIX)) {
                    topics.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                }
            }
            int smallest = Topics.MAX_MESSAGE_BYTES;
            for (Map.Entry<ConfigResource, Config> e : admin.describeConfigs(topics)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .entrySet()) {
                ConfigEntry entry = e.getValue().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    smallest = Math.min(smallest, Integer.parseInt(entry.value()));
                }
            }
            int before = limit.getAndSet(smallest);
            if (before != smallest) {
                LOG.info("Output records may be at most {} bytes (max.message.bytes of the output topics)", smallest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Could not read the output topics' max.message.bytes; keeping {}", limit.get(), e);
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
