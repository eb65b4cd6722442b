package io.newsflow.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackConfigTest {

    private static final Path DATA = Path.of("data");
    private static final Path RUNTIME = Path.of("runtime");

    private final StackConfig defaults = StackConfig.defaults(DATA, RUNTIME);

    @Test
    void shouldUseLoopbackFixedPortsAndSmallJvmsByDefault() {
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(defaults.controllerPort()).isEqualTo(9093);
        assertThat(defaults.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(defaults.brokerJvmOptions())
                .containsExactly("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        assertThat(defaults.registryJvmOptions()).isEqualTo(defaults.brokerJvmOptions());
        assertThat(defaults.stopOnJvmExit()).isTrue();
    }

    @Test
    void shouldMakeDirectoriesAbsolute() {
        assertThat(defaults.dataDirectory()).isEqualTo(DATA.toAbsolutePath());
        assertThat(defaults.runtimeDirectory()).isEqualTo(RUNTIME.toAbsolutePath());
    }

    @Test
    void shouldAllowAllPortsToBeZeroSoTheyArePickedAtStart() {
        StackConfig free = defaults.withFreePorts();

        assertThat(List.of(free.brokerPort(), free.controllerPort(), free.registryPort()))
                .containsOnly(0);
    }

    @Test
    void shouldRejectANegativePortNamingTheField() {
        assertThatThrownBy(() -> defaults.withRegistryPort(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registryPort");
    }

    @Test
    void shouldRejectAPortAbove65535NamingTheField() {
        assertThatThrownBy(() -> defaults.withBrokerPort(65_536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brokerPort");
    }

    @Test
    void shouldRejectTheSameFixedPortForTwoListenersNamingBoth() {
        assertThatThrownBy(() -> defaults.withControllerPort(9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brokerPort")
                .hasMessageContaining("controllerPort");
    }

    @Test
    void shouldRejectABlankHost() {
        assertThatThrownBy(() -> defaults.withHost(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host");
    }

    @Test
    void shouldRejectAMissingDataDirectoryNamingTheField() {
        assertThatThrownBy(() -> defaults.withDataDirectory(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("dataDirectory");
    }

    @Test
    void shouldRejectABlankJvmOptionNamingTheField() {
        assertThatThrownBy(() -> defaults.withRegistryJvmOptions(List.of("-Xmx256m", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("registryJvmOptions");
    }

    @Test
    void shouldRejectAZeroStartupTimeout() {
        assertThatThrownBy(() -> defaults.withStartupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startupTimeout");
    }

    @Test
    void shouldNotSeeLaterChangesToTheOptionListItWasGiven() {
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        StackConfig config = defaults.withBrokerJvmOptions(options);

        options.add("-Xss1m");

        assertThat(config.brokerJvmOptions()).containsExactly("-Xmx256m");
    }

    @Test
    void shouldResolveTheRuntimeDirectoryFromTheSystemPropertyBeforeTheEnvironment() {
        Properties properties = new Properties();
        properties.setProperty(StackConfig.RUNTIME_DIRECTORY_PROPERTY, "/from/property");

        assertThat(StackConfig.resolveRuntimeDirectory(
                        properties, Map.of(StackConfig.RUNTIME_DIRECTORY_ENV, "/from/env"), Path.of("/")))
                .contains(Path.of("/from/property"));
    }

    @Test
    void shouldResolveTheRuntimeDirectoryFromTheEnvironmentWithoutTheSystemProperty() {
        assertThat(StackConfig.resolveRuntimeDirectory(
                        new Properties(), Map.of(StackConfig.RUNTIME_DIRECTORY_ENV, "/from/env"), Path.of("/")))
                .contains(Path.of("/from/env"));
    }

    @Test
    void shouldFindABuiltStackRuntimeWalkingUpFromTheWorkingDirectory(@TempDir Path checkout) throws IOException {
        Path runtime = checkout.resolve("stack-runtime").resolve("target");
        Files.createDirectories(runtime.resolve("broker").resolve("lib"));
        Path module =
                Files.createDirectories(checkout.resolve("integration-tests").resolve("src"));

        assertThat(StackConfig.resolveRuntimeDirectory(new Properties(), Map.of(), module))
                .contains(runtime);
    }

    @Test
    void shouldNotResolveARuntimeDirectoryWhenNothingPointsToOne(@TempDir Path elsewhere) {
        assertThat(StackConfig.resolveRuntimeDirectory(new Properties(), Map.of(), elsewhere))
                .isEmpty();
    }
}
