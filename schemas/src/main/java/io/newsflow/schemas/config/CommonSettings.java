package io.newsflow.schemas.config;

import java.util.List;

/**
 * The keys every service reads, defined once here and shared by their config records (see {@link Setting}).
 */
public final class CommonSettings {

    /** Kafka brokers. */
    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.string("kafka.bootstrap.servers")
            .required()
            .withCheck(ConfigChecks::bootstrapServers)
            .usedBy("all")
            .withDefaultDoc("the running local stack")
            .withDoc("Kafka brokers: a comma-separated list of `host:port`");

    /** The Confluent-compatible schema registry. */
    public static final Setting<String> SCHEMA_REGISTRY_URL = Setting.string("schema.registry.url")
            .required()
            .withCheck(ConfigChecks::registryUrl)
            .usedBy("all")
            .withDefaultDoc("the running local stack")
            .withDoc(
                    "Confluent-compatible schema registry, `http(s)://…` (Apicurio: `http://host:port/apis/ccompat/v7`)");

    /** Every key above, in the order the README lists them. */
    public static final List<Setting<?>> ALL = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL);

    private CommonSettings() {}
}
