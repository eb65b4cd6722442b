package io.newsflow.schemas.config;

import io.newsflow.schemas.config.Settings.ConfigException;
import io.newsflow.schemas.registry.SchemaRegistryClients;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Checks that every service's config record shares (Kafka and registry addresses, required text, ranges); each
 * returns the cleaned value and each failure is a {@link ConfigException} naming the key.
 */
public final class ConfigChecks {

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s:,]+:\\d{1,5}|\\[[0-9A-Fa-f:.]+]:\\d{1,5}");

    private ConfigChecks() {}

    public static String bootstrapServers(String key, String value) {
        String v = required(key, value);
        for (String server : v.split(",")) {
            if (!HOST_PORT.matcher(server.strip()).matches()) {
                throw new ConfigException(key, "must be a comma-separated list of host:port, got '" + v + "'");
            }
        }
        return v;
    }

    public static String registryUrl(String key, String value) {
        String v = required(key, value);
        if (!SchemaRegistryClients.isSupported(v)) {
            throw new ConfigException(key, "must start with http:// or https://, got '" + Redact.url(v) + "'");
        }
        return v;
    }

    public static String plainText(String key, String value) {
        String v = required(key, value);
        if (v.codePoints().anyMatch(Character::isISOControl)) {
            throw new ConfigException(key, "must not contain control characters");
        }
        return v;
    }

    /** The value stripped; blank or missing is an error. */
    public static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key, "is required but not set");
        }
        return value.strip();
    }

    /** The value, when {@code min <= value <= max}. */
    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** The value, when it is set and {@code min <= value <= max}; the message writes the bounds as people do. */
    public static Duration inRange(String key, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ConfigException(key, "must be between " + human(min) + " and " + human(max) + ", got " + value);
        }
        return value;
    }

    /** A duration as people write it: 0, 10 ms, 30 s, 5 minutes, 1 hour, 7 days. */
    static String human(Duration d) {
        if (d.isZero()) {
            return "0";
        }
        if (d.toMillis() < 1_000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        if (d.toMinutes() < 60 || d.toMinutesPart() != 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        if (d.toHours() < 24 || d.toHoursPart() != 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
    }
}
