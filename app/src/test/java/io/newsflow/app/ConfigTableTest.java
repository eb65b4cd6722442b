package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.app.monitor.MonitorConfig;
import io.newsflow.enrich.DedupSettings;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.trend.TrendSettings;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.feed.FeedConfig;
import io.newsflow.ingest.http.HttpIngestConfig;
import io.newsflow.ingest.watch.DropFolderConfig;
import io.newsflow.schemas.config.CommonSettings;
import io.newsflow.schemas.config.Setting;
import io.newsflow.schemas.registry.RegistryClientSettings;
import io.newsflow.sink.SinkConfig;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** README.md's configuration table is the one {@link ConfigTable} renders from the keys' definitions. */
class ConfigTableTest {

    /** The repository's README.md: Maven runs the tests in the app module's directory, one below the root. */
    private static Path readme() {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path readme = root.resolve("README.md");
        assertThat(readme).as("the repository README above the app module").isRegularFile();
        return readme;
    }

    @Test
    void shouldFindTheGeneratedTableInTheReadme() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        String expected = ConfigTable.markdown();

        String actual = ConfigTable.currentTable(readme);

        assertThat(actual)
                .as(
                        "README.md's configuration table differs from the keys' definitions. Regenerate it from the"
                                + " repository root with:%n  ./newsflow config --readme README.md%nExpected table:%n%s",
                        expected)
                .isEqualTo(expected);
    }

    @Test
    void shouldListEverySettingConstantOfEveryConfigRecord() throws IllegalAccessException {
        List<Setting<?>> declared = new ArrayList<>();
        for (Class<?> type : List.of(
                CommonSettings.class,
                RegistryClientSettings.class,
                IngestConfig.class,
                DropFolderConfig.class,
                FeedConfig.class,
                HttpIngestConfig.class,
                EnrichConfig.class,
                TrendSettings.class,
                DedupSettings.class,
                SinkConfig.class,
                MonitorConfig.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                    declared.add((Setting<?>) field.get(null));
                }
            }
        }

        assertThat(ConfigTable.settings()).containsAll(declared).doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveEveryKeyItsUsersAndMeaning() {
        assertThat(ConfigTable.settings()).allSatisfy(s -> {
            assertThat(s.usedBy()).as("used by of %s", s.name()).isNotBlank();
            assertThat(s.meaning()).as("meaning of %s", s.name()).isNotBlank();
        });
    }

    @Test
    void shouldBuildOneKafkaConfigDefWithEveryNamedKeyOnce() {
        ConfigDef def = ConfigTable.configDef();

        assertThat(def.names())
                .containsExactlyInAnyOrderElementsOf(ConfigTable.settings().stream()
                        .filter(s -> s.documentedName().equals(s.name())) // not a prefix family
                        .map(Setting::name)
                        .toList());
    }

    @Test
    void shouldReplaceOnlyTheTextBetweenTheMarkers() {
        String readme = "intro\n" + ConfigTable.START + "\nold table\n" + ConfigTable.END + "\nafter\n";

        String updated = ConfigTable.replaceTable(readme, "| new |\n");

        assertThat(updated).isEqualTo("intro\n" + ConfigTable.START + "\n| new |\n" + ConfigTable.END + "\nafter\n");
        assertThat(ConfigTable.currentTable(updated)).isEqualTo("| new |\n");
    }

    @Test
    void shouldRefuseAReadmeWithoutMarkers() {
        assertThatThrownBy(() -> ConfigTable.replaceTable("no table here", "| t |\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfigTable.START);
    }
}
