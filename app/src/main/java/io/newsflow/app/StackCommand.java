package io.newsflow.app;

import io.newsflow.schemas.registry.SchemaRegistryClients;
import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import io.newsflow.stack.StackStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts, stops and describes the local stack (a real KRaft broker and Apicurio registry, no Docker). */
@Command(
        name = "stack",
        mixinStandardHelpOptions = true,
        description = "Run the local Kafka broker and schema registry (child JVMs from Maven Central jars).",
        subcommands = {
            StackCommand.Start.class,
            StackCommand.Stop.class,
            StackCommand.Status.class,
            StackCommand.Reset.class
        })
final class StackCommand {

    @Command(
            name = "start",
            mixinStandardHelpOptions = true,
            description = "Start the stack in the background (or reuse the running one) and create newsflow's topics.")
    static final class Start implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(
                names = "--broker-port",
                defaultValue = "9092",
                description = "Kafka listener port (default ${DEFAULT-VALUE}).")
        private int brokerPort;

        @Option(
                names = "--controller-port",
                defaultValue = "9093",
                description = "KRaft controller port (default ${DEFAULT-VALUE}).")
        private int controllerPort;

        @Option(
                names = "--registry-port",
                defaultValue = "8081",
                description = "Schema registry port (default ${DEFAULT-VALUE}).")
        private int registryPort;

        @Override
        public Integer call() throws Exception {
            Workspace ws = Workspace.current();
            StackConfig config = StackConfig.defaults(ws.stackDir())
                    .withBrokerPort(brokerPort)
                    .withControllerPort(controllerPort)
                    .withRegistryPort(registryPort)
                    .withStopOnJvmExit(false);
            LocalStack stack = LocalStack.start(config);
            TopicSetup.ensure(
                    stack.bootstrapServers(), SchemaRegistryClients.forUrl(stack.schemaRegistryUrl()), 3, (short) 1);
            PrintWriter out = spec.commandLine().getOut();
            out.println(
                    (stack.owned() ? "started, " : "reused, ") + stack.status().describe());
            out.println("kafka.bootstrap.servers=" + stack.bootstrapServers());
            out.println("schema.registry.url=" + stack.schemaRegistryUrl());
            out.println("stop it with: ./newsflow stack stop");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the stack started by 'stack start'.")
    static final class Stop implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            boolean stopped = LocalStack.stopExisting(Workspace.current().stackDir());
            spec.commandLine().getOut().println(stopped ? "stopped" : "no stack was running");
            return 0;
        }
    }

    @Command(
            name = "reset",
            mixinStandardHelpOptions = true,
            description = "Stop the stack and DELETE all its data: every topic (dead letters included), consumer"
                    + " offset and registered schema. Asks first unless --yes. The only command that deletes data.")
    static final class Reset implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--yes", description = "Delete without asking.")
        private boolean yes;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path stackDir = Workspace.current().stackDir();
            Map<Path, Long> data = LocalStack.dataToReset(stackDir);
            if (data.isEmpty()) {
                out.println("nothing to delete: the stack in " + stackDir + " holds no data");
                return 0;
            }
            out.println("This stops the stack and deletes, for good:");
            data.forEach((path, bytes) -> out.printf("  %s (%,d bytes)%n", path, bytes));
            out.println("  = every topic and its records (news-dlq's dead letters included), every consumer group's"
                    + " offsets, every registered schema.");
            if (!yes) {
                out.print("Type 'yes' to delete: ");
                out.flush();
                String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (answer == null || !answer.strip().equals("yes")) {
                    out.println("nothing deleted");
                    return 1;
                }
            }
            LocalStack.reset(stackDir);
            out.println("deleted; './newsflow stack start' starts an empty stack");
            return 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Say whether each part of the stack answers, how fast, and where. Exit 0 when both answer,"
                    + " 3 otherwise.")
    static final class Status implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            Optional<StackStatus> status =
                    LocalStack.inspect(Workspace.current().stackDir());
            boolean running = status.map(StackStatus::running).orElse(false);
            spec.commandLine()
                    .getOut()
                    .println(status.map(StackStatus::describe).orElse("not running (no stack recorded)"));
            return running ? 0 : 3;
        }
    }
}
