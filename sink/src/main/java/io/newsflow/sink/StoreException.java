package io.newsflow.sink;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * The article database failed or refused an operation; the message says which and the cause is the driver's error.
 * {@link #isTransient()} tells an outage (worth waiting out) from a refusal (a bug or a wrong schema).
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * SQLState classes of outages: 08 connection exception, 53 insufficient resources, 57 operator intervention
     * (PostgreSQL's admin shutdown, crash shutdown, cannot connect now), 40 transaction rollback (serialization
     * failure, deadlock). SQLite reports a busy or locked database with vendor codes 5 and 6 instead.
     */
    private static final Set<String> TRANSIENT_SQLSTATE_CLASSES = Set.of("08", "53", "57", "40");

    private static final Set<Integer> SQLITE_BUSY_OR_LOCKED = Set.of(5, 6);

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the failure is an outage that may pass (the database down, restarting, unreachable, busy), so the
     * same operation should be tried again later, rather than a refusal that will fail again.
     */
    public boolean isTransient() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null
                        && state.length() >= 2
                        && TRANSIENT_SQLSTATE_CLASSES.contains(state.substring(0, 2))) {
                    return true;
                }
                if (isSqlite(sql) && SQLITE_BUSY_OR_LOCKED.contains(sql.getErrorCode() & 0xff)) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSqlite(SQLException e) {
        return e.getClass().getName().startsWith("org.sqlite.");
    }
}
