package io.newsflow.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints every configuration key as a Markdown table, generated from the keys' definitions ({@link ConfigTable});
 * with {@code --readme FILE}, rewrites the table between the markers in FILE instead (how README.md is kept current).
 */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = {
            "Print every configuration key (key | used by | default | meaning), generated from the keys' definitions.",
            "--readme README.md rewrites the table between the config-table markers of that file."
        })
final class ConfigCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--readme",
            paramLabel = "FILE",
            description = "Rewrite the generated table in FILE (between <!-- config-table:start/end --> markers).")
    private Path readme;

    @Override
    public Integer call() throws IOException {
        String table = ConfigTable.markdown();
        if (readme == null) {
            spec.commandLine().getOut().print(table);
            spec.commandLine().getOut().flush();
            return 0;
        }
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Files.writeString(readme, ConfigTable.replaceTable(text, table), StandardCharsets.UTF_8);
        spec.commandLine()
                .getOut()
                .println("wrote the configuration table ("
                        + ConfigTable.settings().size() + " keys) into " + readme);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
