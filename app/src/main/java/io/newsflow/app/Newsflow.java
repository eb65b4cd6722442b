package io.newsflow.app;

import io.newsflow.schemas.serde.TrustedAvroClasses;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command line. */
@Command(
        name = "newsflow",
        mixinStandardHelpOptions = true,
        versionProvider = Newsflow.Version.class,
        description = "Event-stream news ingestion pipeline on Apache Kafka.",
        subcommands = {
            DemoCommand.class,
            AnnotateCommand.class,
            KbCommand.class,
            EvalCommand.class,
            StackCommand.class,
            IngestCommand.class,
            EnrichCommand.class,
            SinkCommand.class,
            TaxonomyCommand.class,
            SubscribeCommand.class,
            BenchCommand.class,
            TopicsCommand.class,
            TailCommand.class,
            ConfigCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Newsflow {

    public static void main(String[] args) {
        TrustedAvroClasses.install();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new Newsflow()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Reports the version of the app module's jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newsflow.class.getPackage().getImplementationVersion();
            return new String[] {"newsflow " + (v == null ? "(development build)" : v)};
        }
    }
}
