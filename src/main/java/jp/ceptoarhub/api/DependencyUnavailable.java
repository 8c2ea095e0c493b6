package jp.ceptoarhub.api;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * A dependency the request needs (the database; Keycloak when no signing keys are cached) did not answer. Leaves
 * the service as 503 with {@code Retry-After} ({@link Problems#unavailable}), never as 401 or 500.
 */
public class DependencyUnavailable extends RuntimeException {
    public DependencyUnavailable(String what) {
        super(what, null, false, false);
    }

    /**
     * Whether the failure is the database's, not the request's: it cannot be reached, a connection was lost, or
     * none became free in time (JDBC's transient, recoverable and connection exceptions, wherever in the causes).
     */
    public static boolean causedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
