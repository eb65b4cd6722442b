package io.newsflow.schemas.serde;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro to trust newsflow's generated classes, so that no system property is needed.
 *
 * <p>Since 1.11.4/1.12.0, Avro refuses to load a class named by a schema unless it is trusted (CVE-2024-47561): without
 * this, reading a record, or even building one whose enum field takes its default, fails with
 * {@code SecurityException: Forbidden io.newsflow.schemas.avro.IngestChannel! This class is not trusted}. Avro reads
 * the trusted packages from the system property {@code org.apache.avro.SERIALIZABLE_PACKAGES} once, at class
 * initialisation, or lets a program add a predicate through {@link ClassSecurityValidator#setGlobal}. This class uses
 * the latter: {@link #install()} adds (never replaces) trust for {@code io.newsflow.schemas.avro}, keeping whatever
 * was trusted before.
 *
 * <p>{@link AvroWireSerde} and its serializer and deserializer call {@link #install()} when they load. A program that
 * builds records before it creates a serde should call {@link #install()} first thing in {@code main}.
 * Thread-safe and idempotent.
 */
public final class TrustedAvroClasses {

    /** The package of the classes generated from {@code schemas/src/main/avro}. */
    public static final String GENERATED_PACKAGE = "io.newsflow.schemas.avro";

    private static final Set<String> PACKAGES = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    private TrustedAvroClasses() {}

    /** Trusts {@value #GENERATED_PACKAGE} (and its subpackages) in addition to what Avro already trusts. */
    public static void install() {
        trustPackage(GENERATED_PACKAGE);
    }

    /** Trusts the package of {@code type} too: for a record class of another project read by the config-driven serde. */
    public static void trustPackageOf(Class<?> type) {
        trustPackage(type.getPackageName());
    }

    private static synchronized void trustPackage(String packageName) {
        Objects.requireNonNull(packageName, "packageName");
        if (packageName.isEmpty()) {
            throw new IllegalArgumentException("Classes in the unnamed package cannot be trusted");
        }
        PACKAGES.add(packageName);
        if (!installed) {
            ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
            ClassSecurityValidator.setGlobal(
                    ClassSecurityValidator.composite(previous, TrustedAvroClasses::inTrustedPackage));
            installed = true;
        }
    }

    /** Whether {@code type} lies in a package trusted through this class. */
    static boolean inTrustedPackage(Class<?> type) {
        String name = type.getPackageName();
        for (String p : PACKAGES) {
            if (name.equals(p) || name.startsWith(p + ".")) {
                return true;
            }
        }
        return false;
    }
}
