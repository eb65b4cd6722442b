package io.newsflow.stack;

import java.nio.file.Path;

/**
 * Run by {@link LocalStackTest} in a JVM of its own: starts a stack, prints {@code PIDS <broker> <registry>} and
 * exits, so the test can see what the exit does to the stack. Arguments: data directory, runtime directory, and
 * whether the stack is stopped when this JVM exits.
 */
final class StartStackAndExit {

    private StartStackAndExit() {}

    public static void main(String[] args) {
        StackConfig config = StackConfig.defaults(Path.of(args[0]), Path.of(args[1]))
                .withFreePorts()
                .withStopOnJvmExit(Boolean.parseBoolean(args[2]));
        StackStatus status = LocalStack.start(config).status();
        System.out.println("PIDS " + status.brokerPid() + " " + status.registryPid());
        System.exit(0);
    }
}
