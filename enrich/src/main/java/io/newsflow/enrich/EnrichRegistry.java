package io.newsflow.enrich;

import io.newsflow.schemas.registry.RestSchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClient;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import java.time.Duration;

/**
 * The schema registry client of the enricher, with retries bounded below the exactly-once transaction timeout.
 *
 * <p>The processor calls the registry inside {@code process()}, that is inside an open transaction. If those calls
 * block longer than {@value #TRANSACTION_TIMEOUT_MS} ms ({@code transaction.timeout.ms}, which {@link EnrichService}
 * sets to this value), the broker aborts the transaction under the task and the next commit fails with a fenced
 * producer. So the client gives up first ({@link #OPTIONS}: at worst {@code 3 × (1 s + 2 s) + 0.1 s + 0.2 s} = 9.3 s,
 * see {@link RestSchemaRegistryClient.Options#worstCase()}), the failure is an outage, the task fails cleanly and
 * {@link StreamThreadFailures} replaces the thread after a backoff. Raise one setting, raise the other.
 */
public final class EnrichRegistry {

    /** {@code transaction.timeout.ms} of the enricher's producers (also Kafka Streams' own default under EOS). */
    public static final int TRANSACTION_TIMEOUT_MS = 10_000;

    /** 1 s to connect, 2 s per request, 3 attempts, 100 ms backoff doubling up to 200 ms. */
    public static final RestSchemaRegistryClient.Options OPTIONS = new RestSchemaRegistryClient.Options(
            Duration.ofSeconds(1), Duration.ofSeconds(2), 3, Duration.ofMillis(100), Duration.ofMillis(200));

    private EnrichRegistry() {}

    /** The client the enricher uses for {@code url}, without credentials beyond the URL's. */
    public static SchemaRegistryClient client(String url) {
        return SchemaRegistryClients.forUrl(url, OPTIONS);
    }

    /** The client the enricher uses: its registry URL, credentials and TLS settings, with {@link #OPTIONS}. */
    public static SchemaRegistryClient client(EnrichConfig config) {
        return config.registry().client(config.schemaRegistryUrl(), OPTIONS);
    }
}
