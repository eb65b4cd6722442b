package io.newsflow.schemas.registry;

import java.util.OptionalInt;

/**
 * A schema registry operation failed. The message says what was attempted, the URL, the HTTP status and the
 * registry's own {@code error_code} and {@code message} when it sent them.
 *
 * <p>Subclasses tell the cases a caller may want to handle apart: {@link UnknownSchemaException} (not found),
 * {@link IncompatibleSchemaException} (rejected by the compatibility rules) and
 * {@link SchemaRegistryUnavailableException} (unreachable or failing, after retries: transient).
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Marks "no HTTP status": the in-memory registry, or a connection that never got an answer. */
    public static final int NO_STATUS = -1;

    private final String url;
    private final int httpStatus;
    private final Integer errorCode;
    private final String registryMessage;

    /**
     * @param action          what was attempted, e.g. {@code "Registering schema under subject 'x-value'"}
     * @param url             the URL of the request (or {@code mem://name})
     * @param httpStatus      the HTTP status, or {@link #NO_STATUS}
     * @param errorCode       the registry's {@code error_code}, or {@code null} when it sent none
     * @param registryMessage the registry's {@code message} (or the raw body), or {@code null}
     * @param cause           the underlying exception, or {@code null}
     */
    public SchemaRegistryException(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage, Throwable cause) {
        super(describe(action, url, httpStatus, errorCode, registryMessage, cause), cause);
        this.url = url;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    private static String describe(
            String action, String url, int httpStatus, Integer errorCode, String registryMessage, Throwable cause) {
        StringBuilder s = new StringBuilder(action).append(" failed (").append(url);
        if (httpStatus != NO_STATUS) {
            s.append(", HTTP ").append(httpStatus);
        }
        if (errorCode != null) {
            s.append(", error_code ").append(errorCode);
        }
        s.append(')');
        if (registryMessage != null && !registryMessage.isBlank()) {
            s.append(": ").append(registryMessage);
        } else if (cause != null) {
            s.append(": ").append(cause);
        }
        return s.toString();
    }

    /** The URL of the failed request, or {@code mem://<name>} for the in-memory registry. */
    public String url() {
        return url;
    }

    /** The HTTP status, or {@link #NO_STATUS} when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, when it sent one (Confluent: 40403, 40901, ...; Apicurio: often the status). */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /** The registry's own message (or the raw response body), or {@code null}. */
    public String registryMessage() {
        return registryMessage;
    }
}
