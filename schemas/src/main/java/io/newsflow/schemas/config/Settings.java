package io.newsflow.schemas.config;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A read-once view of string settings, the raw material of every service's immutable config record.
 *
 * <p>Settings come from a {@code Map<String,String>} (tests build one directly) or from the environment plus a
 * properties file ({@link #fromEnvironment}). Keys are lower-case and dotted ({@code kafka.bootstrap.servers}); the
 * environment spells the same key {@code NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS}. Every typed getter names the key in its
 * error. A config record asks for the keys it knows and then calls {@link #requireAllUsed()} so that a misspelt key
 * fails fast instead of being silently ignored. Keys that came from the environment are exempt from that check: one
 * environment is shared by every newsflow service (and {@code NEWSFLOW_JAVA_OPTS} belongs to the launcher script),
 * so a service cannot tell another's key from a typo there.
 *
 * <p>Not thread-safe: build a config record from it on one thread, then share the record.
 */
public final class Settings {

    /** Prefix of environment variables that carry settings. */
    public static final String ENV_PREFIX = "NEWSFLOW_";

    private final Map<String, String> values;
    /** Keys given explicitly (not from the environment): only these must be known. */
    private final Set<String> strictKeys;

    private final Set<String> used = new TreeSet<>();

    private Settings(Map<String, String> values, Set<String> strictKeys) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.strictKeys = Set.copyOf(strictKeys);
    }

    /** Settings from an explicit map: what tests use. Every key must be known. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, values.keySet());
    }

    /**
     * Settings from the environment ({@code NEWSFLOW_*} variables) overlaid by explicit values (command-line options,
     * a properties file), explicit values winning.
     */
    public static Settings fromEnvironment(Map<String, String> env, Map<String, String> explicit) {
        Map<String, String> merged = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                merged.put(
                        name.substring(ENV_PREFIX.length())
                                .toLowerCase(Locale.ROOT)
                                .replace('_', '.'),
                        value);
            }
        });
        merged.putAll(explicit);
        return new Settings(merged, explicit.keySet());
    }

    public String string(String key, String defaultValue) {
        used.add(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    public String requiredString(String key) {
        String v = string(key, null);
        if (v == null) {
            throw new ConfigException(key, "is required but not set");
        }
        return v;
    }

    public int integer(String key, int defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, got '" + v + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException(key, "must be true or false, got '" + v + "'");
        };
    }

    /** A duration written as ISO-8601 ({@code PT30S}) or as milliseconds ({@code 30000}). */
    public Duration duration(String key, Duration defaultValue) {
        String v = string(key, null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return v.startsWith("P") || v.startsWith("p") ? Duration.parse(v) : Duration.ofMillis(Long.parseLong(v));
        } catch (RuntimeException e) {
            throw new ConfigException(
                    key, "must be a duration such as PT30S or a number of milliseconds, got '" + v + "'");
        }
    }

    /**
     * Every setting whose key starts with {@code prefix}, keyed by the rest of the key (for pass-through settings
     * such as {@code ingest.kafka.security.protocol} → {@code security.protocol}); marks them used. Blank values are
     * left out, as the other getters treat them as unset.
     */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                used.add(key);
                if (value != null && !value.isBlank()) {
                    found.put(key.substring(prefix.length()), value.trim());
                }
            }
        });
        return Collections.unmodifiableMap(found);
    }

    /**
     * Fails when a key was given explicitly that no getter asked for: a misspelt key is an error, not a silent
     * default. Environment keys are exempt (see the class comment).
     */
    public void requireAllUsed() {
        Set<String> unknown = new TreeSet<>(strictKeys);
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new ConfigException(
                    unknown.iterator().next(), "is not a known setting (unknown keys: " + unknown + ")");
        }
    }

    /** A configuration error that names the offending key. */
    public static final class ConfigException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;

        public ConfigException(String key, String problem) {
            super("Setting '" + key + "' " + problem);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
