package io.newsflow.schemas.config;

import io.newsflow.schemas.config.Settings.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The one definition of a configuration key: its name, type, default, validation, documentation and the commands
 * that use it, in the manner of Debezium's {@code Field} and Kafka's {@link ConfigDef}.
 *
 * <p>Everything else derives from it: a config record's {@code from(Settings)} reads the key with {@link #read},
 * its compact constructor validates the value with {@link #check} (the failure names the key), the README's
 * configuration table is generated from {@link #usedBy()}, {@link #documentedDefault()} and {@link #meaning()}
 * ({@code io.newsflow.app.ConfigTable}), and {@link #define} adds the key to a Kafka {@link ConfigDef}, which refuses
 * a name defined twice and a default that fails the key's own validation.
 *
 * <p>Built like Debezium's fields: start from {@link #string}, {@link #integer}, {@link #bool}, {@link #duration},
 * {@link #path} or {@link #prefix} and add properties with the {@code withX} methods; each returns a new, immutable
 * definition. Values are read as {@link Settings} reads them (durations as ISO-8601 or milliseconds, booleans as
 * true/false/yes/no/1/0, a blank value as unset).
 *
 * <p>Immutable and thread-safe; definitions are {@code static final} constants of the config records.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    /**
     * A validation of one value: returns the value (possibly cleaned, e.g. stripped) or throws a
     * {@link ConfigException} naming {@code key}.
     *
     * @param <T> the type of the value
     */
    @FunctionalInterface
    public interface Check<T> {
        T check(String key, T value);
    }

    /** How a value is read from {@link Settings}: {@code defaultValue} when unset. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Settings settings, String key, T defaultValue);
    }

    private final String name;
    private final String placeholder;
    private final ConfigDef.Type kafkaType;
    private final Reader<T> reader;
    private final T defaultValue;
    private final boolean required;
    private final boolean optional;
    private final String defaultDoc;
    private final String usedBy;
    private final String doc;
    private final String range;
    private final List<Check<T>> checks;

    private Setting(
            String name,
            String placeholder,
            ConfigDef.Type kafkaType,
            Reader<T> reader,
            T defaultValue,
            boolean required,
            boolean optional,
            String defaultDoc,
            String usedBy,
            String doc,
            String range,
            List<Check<T>> checks) {
        this.name = ConfigChecks.required("name", name);
        this.placeholder = placeholder;
        this.kafkaType = kafkaType;
        this.reader = reader;
        this.defaultValue = defaultValue;
        this.required = required;
        this.optional = optional;
        this.defaultDoc = defaultDoc;
        this.usedBy = usedBy;
        this.doc = doc;
        this.range = range;
        this.checks = List.copyOf(checks);
    }

    private static <T> Setting<T> of(String name, ConfigDef.Type kafkaType, Reader<T> reader) {
        return new Setting<>(name, null, kafkaType, reader, null, false, false, null, "", "", null, List.of());
    }

    /** A text key; the value is stripped. */
    public static Setting<String> string(String name) {
        return of(name, ConfigDef.Type.STRING, Settings::string);
    }

    /** A whole-number key. */
    public static Setting<Integer> integer(String name) {
        return of(
                name,
                ConfigDef.Type.INT,
                (s, key, d) -> s.string(key, null) == null ? d : Integer.valueOf(s.integer(key, 0)));
    }

    /** A boolean key: true/false, yes/no, 1/0. */
    public static Setting<Boolean> bool(String name) {
        return of(
                name,
                ConfigDef.Type.BOOLEAN,
                (s, key, d) -> s.string(key, null) == null ? d : Boolean.valueOf(s.bool(key, false)));
    }

    /** A duration key: ISO-8601 ({@code PT30S}) or milliseconds ({@code 30000}). */
    public static Setting<Duration> duration(String name) {
        return of(name, ConfigDef.Type.STRING, Settings::duration);
    }

    /** A file-system path key. */
    public static Setting<Path> path(String name) {
        return of(name, ConfigDef.Type.STRING, (s, key, d) -> {
            String v = s.string(key, null);
            return v == null ? d : Path.of(v);
        });
    }

    /**
     * A family of pass-through keys sharing {@code prefix} (such as {@code ingest.kafka.security.protocol}), read as
     * a map keyed by the rest of each key; documented as {@code prefix + <placeholder>}. Not part of a
     * {@link ConfigDef}, which knows only single names.
     */
    public static Setting<Map<String, String>> prefix(String prefix, String placeholder) {
        Setting<Map<String, String>> s = of(prefix, null, (settings, key, d) -> settings.withPrefix(key));
        return new Setting<>(
                s.name,
                Objects.requireNonNull(placeholder, "placeholder"),
                null,
                s.reader,
                Map.of(),
                false,
                false,
                "none",
                "",
                "",
                null,
                List.of());
    }

    /** This key with a default, used when the key is unset or blank. */
    public Setting<T> withDefault(T value) {
        return new Setting<>(
                name,
                placeholder,
                kafkaType,
                reader,
                value,
                required,
                optional,
                defaultDoc,
                usedBy,
                doc,
                range,
                checks);
    }

    /** This key required: reading it when unset fails naming it. */
    public Setting<T> required() {
        return new Setting<>(
                name, placeholder, kafkaType, reader, null, true, false, defaultDoc, usedBy, doc, range, checks);
    }

    /** This key optional: unset ({@code null}) is a valid value, meaning "none", and is not {@link #check}ed. */
    public Setting<T> optional() {
        return new Setting<>(
                name, placeholder, kafkaType, reader, null, false, true, defaultDoc, usedBy, doc, range, checks);
    }

    /**
     * This key with its default described in words, for a default that is not a constant (the running local stack,
     * a per-service port, a file in the workspace); the text is Markdown.
     */
    public Setting<T> withDefaultDoc(String text) {
        return new Setting<>(
                name,
                placeholder,
                kafkaType,
                reader,
                defaultValue,
                required,
                optional,
                text,
                usedBy,
                doc,
                range,
                checks);
    }

    /** This key with the commands that read it, in Markdown (e.g. {@code ingest `--watch`}). */
    public Setting<T> usedBy(String commands) {
        return new Setting<>(
                name,
                placeholder,
                kafkaType,
                reader,
                defaultValue,
                required,
                optional,
                defaultDoc,
                commands,
                doc,
                range,
                checks);
    }

    /** This key with its meaning, in Markdown, one sentence or a few; the range is added by {@link #withRange}. */
    public Setting<T> withDoc(String meaning) {
        return new Setting<>(
                name,
                placeholder,
                kafkaType,
                reader,
                defaultValue,
                required,
                optional,
                defaultDoc,
                usedBy,
                meaning,
                range,
                checks);
    }

    /** This key with one more validation, run after the ones before it by {@link #check}. */
    public Setting<T> withCheck(Check<T> check) {
        List<Check<T>> more = new ArrayList<>(checks);
        more.add(Objects.requireNonNull(check, "check"));
        return new Setting<>(
                name,
                placeholder,
                kafkaType,
                reader,
                defaultValue,
                required,
                optional,
                defaultDoc,
                usedBy,
                doc,
                range,
                more);
    }

    /**
     * This key limited to {@code min <= value <= max} (whole numbers or durations); the range is documented with the
     * key and the failure says it ({@link ConfigChecks#inRange}).
     */
    @SuppressWarnings("unchecked")
    public Setting<T> withRange(T min, T max) {
        Check<T> check;
        String text;
        if (min instanceof Integer lo && max instanceof Integer hi) {
            check = (key, v) -> (T) Integer.valueOf(ConfigChecks.inRange(key, (Integer) v, lo, hi));
            text = lo + " to " + hi;
        } else if (min instanceof Duration lo && max instanceof Duration hi) {
            check = (key, v) -> (T) ConfigChecks.inRange(key, (Duration) v, lo, hi);
            text = ConfigChecks.human(lo) + " to " + ConfigChecks.human(hi);
        } else {
            throw new IllegalArgumentException(name + ": a range needs two whole numbers or two durations");
        }
        Setting<T> checked = withCheck(check);
        return new Setting<>(
                name,
                placeholder,
                kafkaType,
                reader,
                defaultValue,
                required,
                optional,
                defaultDoc,
                usedBy,
                doc,
                text,
                checked.checks);
    }

    /** The key ({@code kafka.bootstrap.servers}), or the prefix of a {@link #prefix} family. */
    public String name() {
        return name;
    }

    /** The default, or {@code null} when there is none (required, or a default known only at run time). */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether reading the key when unset is an error. */
    public boolean isRequired() {
        return required;
    }

    /** The commands that read the key, in Markdown. */
    public String usedBy() {
        return usedBy;
    }

    /** The key as documented: the name, or {@code prefix<placeholder>} for a prefix family. */
    public String documentedName() {
        return placeholder == null ? name : name + "<" + placeholder + ">";
    }

    /** The default as documented, in Markdown: the words given, else the value in code style, else required/none. */
    public String documentedDefault() {
        if (defaultDoc != null) {
            return defaultDoc;
        }
        if (required) {
            return "required";
        }
        return defaultValue == null ? "none" : "`" + written(defaultValue) + "`";
    }

    /** The meaning, in Markdown, with the allowed range when there is one ({@code "...; 1 to 10000"}). */
    public String meaning() {
        return range == null ? doc : doc + "; " + range;
    }

    /** A value as a user would write it: durations in ISO-8601, whole days as days ({@code P7D}, not PT168H). */
    private static String written(Object value) {
        if (value instanceof Duration d
                && !d.isZero()
                && d.toDaysPart() > 0
                && d.toHoursPart() == 0
                && d.toMinutesPart() == 0
                && d.toSecondsPart() == 0
                && d.toNanosPart() == 0) {
            return "P" + d.toDays() + "D";
        }
        return value.toString();
    }

    /**
     * The value of this key in {@code settings}, or its default when unset (marking the key used, see
     * {@link Settings#requireAllUsed()}). Only the form is checked here (a number, a duration); the range and the rest
     * are {@link #check}ed by the config record's constructor.
     *
     * @throws ConfigException naming the key when it is required and unset, or not of its type
     */
    public T read(Settings settings) {
        return read(settings, defaultValue);
    }

    /** As {@link #read(Settings)}, with a default known only at run time (a per-service port, a workspace file). */
    public T read(Settings settings, T runTimeDefault) {
        T value = reader.read(settings, name, runTimeDefault);
        if (value == null && required) {
            throw new ConfigException(name, "is required but not set");
        }
        return value;
    }

    /**
     * The value after every validation of this key, in order; an {@link #optional} key accepts {@code null} (unset)
     * without checks.
     *
     * @throws ConfigException naming the key
     */
    public T check(T value) {
        if (value == null && optional) {
            return null;
        }
        T v = value;
        for (Check<T> c : checks) {
            v = c.check(name, v);
        }
        return v;
    }

    /**
     * Adds this key to a Kafka {@link ConfigDef}: its name, type, default, documentation, and a validator that reads
     * a value as {@link #read} does and runs {@link #check}. Kafka checks the default against it and refuses a name
     * defined twice. A {@link #prefix} family is skipped.
     *
     * @return {@code def}
     */
    public ConfigDef define(ConfigDef def) {
        if (placeholder != null) {
            return def;
        }
        Object kafkaDefault = required
                ? ConfigDef.NO_DEFAULT_VALUE
                : defaultValue == null
                        ? null
                        : kafkaType == ConfigDef.Type.STRING ? defaultValue.toString() : defaultValue;
        ConfigDef.Validator validator = (key, raw) -> {
            if (raw == null) {
                return;
            }
            try {
                check(read(Settings.of(Map.of(name, raw.toString()))));
            } catch (ConfigException e) {
                throw new org.apache.kafka.common.config.ConfigException(key, raw, e.getMessage());
            }
        };
        return def.define(name, kafkaType, kafkaDefault, validator, ConfigDef.Importance.MEDIUM, meaning());
    }

    @Override
    public String toString() {
        return "Setting[" + documentedName() + "]";
    }
}
