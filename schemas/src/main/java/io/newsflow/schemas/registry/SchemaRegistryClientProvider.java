package io.newsflow.schemas.registry;

/**
 * A kind of registry URL other than {@code http(s)://}, found with {@link java.util.ServiceLoader}. Production code
 * ships none: the only one, {@code mem://<name>} for the in-memory registry of tests, lives in the test code (the
 * {@code newsflow-schemas} test-jar, which test-support brings), so a service given {@code mem://} refuses it.
 */
public interface SchemaRegistryClientProvider {

    /** Whether this provider serves {@code url}. */
    boolean accepts(String url);

    /** The client for {@code url}; only called when {@link #accepts} said yes. */
    SchemaRegistryClient create(String url);
}
