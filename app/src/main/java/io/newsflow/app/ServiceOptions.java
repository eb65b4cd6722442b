package io.newsflow.app;

import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.Settings;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options shared by the service commands ({@code ingest}, {@code enrich}, {@code sink}): settings come from
 * {@code NEWSFLOW_*} environment variables, overridden by {@code --set key=value}; when no Kafka or registry address
 * is given at all, the local stack started by {@code newsflow stack start} is used.
 */
final class ServiceOptions {

    @Option(
            names = {"-s", "--set"},
            paramLabel = "KEY=VALUE",
            description = "A setting, e.g. --set kafka.bootstrap.servers=host:9092 (repeatable). "
                    + "Environment: NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS and so on.")
    private Map<String, String> explicit = new LinkedHashMap<>();

    /** The settings, with the running local stack's addresses filled in when none are configured. */
    Settings settings() {
        Map<String, String> values = new HashMap<>(explicit);
        Settings probe = Settings.fromEnvironment(System.getenv(), values);
        boolean hasKafka = probe.string(CommonSettings.BOOTSTRAP_SERVERS.name(), null) != null;
        boolean hasRegistry = probe.string(CommonSettings.SCHEMA_REGISTRY_URL.name(), null) != null;
        if (!hasKafka || !hasRegistry) {
            Optional<StackStatus> local =
                    LocalStack.inspect(Workspace.current().stackDir()).filter(StackStatus::running);
            local.ifPresent(s -> {
                if (!hasKafka) {
                    values.put(CommonSettings.BOOTSTRAP_SERVERS.name(), s.bootstrapServers());
                }
                if (!hasRegistry) {
                    values.put(CommonSettings.SCHEMA_REGISTRY_URL.name(), s.schemaRegistryUrl());
                }
            });
        }
        return Settings.fromEnvironment(System.getenv(), values);
    }
}
