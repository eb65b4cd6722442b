package io.newsflow.testsupport.stack;

import io.newsflow.stack.LocalStack;
import io.newsflow.stack.StackConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link RealKafkaStack} parameters with one real local stack per test JVM.
 *
 * <p>The stack is started when the first parameter is resolved, on free ports, in a new data directory
 * {@code target/newsflow-test-stack-<random>} under the working directory (the module, under Maven), and kept in the
 * root {@link ExtensionContext.Store}, which stops it when all tests of the JVM have run. Its directory is left in
 * place: the broker and registry logs there explain a failed test, and {@code mvn clean} removes them. The runtime
 * directory is found as {@link StackConfig#resolveRuntimeDirectory()} describes; from a module of a built checkout no
 * configuration is needed.
 *
 * <p>If the stack cannot start, every test asking for it fails with the reason; the start is not retried.
 */
public final class RealKafkaStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealKafkaStackExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RealKafkaStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return extensionContext
                .getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(StartedStack.class, key -> StartedStack.start(), StartedStack.class)
                .stack();
    }

    /** The JVM's stack, or why it could not start; closed (so stopped) with the root store. */
    private static final class StartedStack implements AutoCloseable {

        private final LocalStack stack;
        private final RuntimeException failure;

        private StartedStack(LocalStack stack, RuntimeException failure) {
            this.stack = stack;
            this.failure = failure;
        }

        static StartedStack start() {
            try {
                Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
                Path dataDirectory = target.resolve("newsflow-test-stack-" + UUID.randomUUID());
                return new StartedStack(
                        LocalStack.start(StackConfig.defaults(dataDirectory).withFreePorts()), null);
            } catch (IOException e) {
                return new StartedStack(null, new UncheckedIOException(e));
            } catch (RuntimeException e) {
                return new StartedStack(null, e);
            }
        }

        RealKafkaStack stack() {
            if (failure != null) {
                throw new ParameterResolutionException(
                        "The real Kafka stack could not be started: " + failure.getMessage(), failure);
            }
            return new RealKafkaStack(stack);
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.stop();
            }
        }
    }
}
