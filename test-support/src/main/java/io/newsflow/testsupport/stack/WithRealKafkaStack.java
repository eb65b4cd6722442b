package io.newsflow.testsupport.stack;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method with {@link RealKafkaStackExtension}: a {@link RealKafkaStack} parameter
 * receives the one real local stack of this test JVM, started on first use.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealKafkaStackExtension.class)
public @interface WithRealKafkaStack {}
