package uk.safeguarding.platform.failure;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whose fault a failure is, and how to say what it was without repeating what a record held. A record's fault (it
 * cannot be read, breaks a rule, or the database refuses its values) sends that record to a dead-letter topic; a
 * dependency's fault (the database, the broker or the registry unreachable or overloaded) is retried with backoff and
 * never dead-lettered, since every other record would fail the same way.
 */
public final class Failures {

    public enum Blame { RECORD, DEPENDENCY }

    /** SQLSTATE classes that say the database, not the statement's values, failed. */
    private static final Set<String> DEPENDENCY_SQL_CLASSES = Set.of(
            "08", // connection exception
            "40", // transaction rollback: serialization failure, deadlock (retrying succeeds)
            "53", // insufficient resources
            "54", // program limit exceeded
            "55", // object not in prerequisite state (lock not available)
            "57", // operator intervention (shutdown, cancel)
            "58", // system error
            "XX", // internal error
            "42", // syntax error or access rule violation: the service's own SQL or grants, same for every record
            "3D", "3F", "28"); // no such database or schema, bad authorisation

    /** Types (by name, so no driver or client is needed here) that mean a dependency is unreachable or failing. */
    private static final Set<String> DEPENDENCY_TYPES = Set.of(
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.dao.PessimisticLockingFailureException",
            "org.springframework.dao.CannotAcquireLockException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.apache.kafka.common.errors.ProducerFencedException",
            "org.apache.kafka.common.errors.InvalidProducerEpochException",
            "uk.safeguarding.platform.failure.DependencyFailure");

    /**
     * Exceptions whose messages describe the shape of bytes, never their content: the serde's "unknown magic byte",
     * "schema id 7 not found", Avro's "malformed data".
     */
    private static final Set<String> SAFE_MESSAGE_TYPES = Set.of(
            "org.apache.kafka.common.errors.SerializationException");
    private static final int MAX_DESCRIPTION = 500;

    private Failures() {
    }

    public static Blame blame(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.length() < 2 || DEPENDENCY_SQL_CLASSES.contains(state.substring(0, 2))) {
                    return Blame.DEPENDENCY;
                }
                return Blame.RECORD;
            }
            if (t instanceof IOException || isA(t, DEPENDENCY_TYPES)) {
                return Blame.DEPENDENCY;
            }
        }
        return Blame.RECORD;
    }

    public static boolean isDependency(Throwable failure) {
        return blame(failure) == Blame.DEPENDENCY;
    }

    /**
     * What happened, safe for a log line or a dead-letter header: a {@link SafeMessage} exception's own words; a
     * database failure as its SQLSTATE (never its message, which quotes the failing row); anything else by its type.
     */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SafeMessage || SAFE_MESSAGE_TYPES.contains(t.getClass().getName())) {
                String message = Text.escaped(String.valueOf(t.getMessage()));
                return message.length() > MAX_DESCRIPTION ? message.substring(0, MAX_DESCRIPTION) + "…" : message;
            }
            if (t instanceof SQLException sql) {
                return "database refused the statement: SQLSTATE " + sql.getSQLState() + " ("
                        + t.getClass().getSimpleName() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? failure.getClass().getName()
                : failure.getClass().getName() + " caused by " + root.getClass().getName();
    }

    private static boolean isA(Throwable t, Set<String> typeNames) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (typeNames.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
