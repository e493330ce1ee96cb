package uk.safeguarding.registry.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One embedded PostgreSQL server for every test class in this JVM (starting one costs a second or two); each test
 * class gets its own database in it so that global settings such as the compatibility level cannot leak between
 * classes. Stopped by a shutdown hook, after the registries using it have closed.
 */
public final class TestDatabase {

    private static EmbeddedPostgres server;
    private static final Set<String> DATABASES = ConcurrentHashMap.newKeySet();

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    System.err.println("Stopping embedded PostgreSQL: " + e);
                }
            }, "test-database-stop"));
        }
        return server;
    }

    /** JDBC URL of the named database, created on first use (and kept, so a restarted registry finds its data). */
    public static String jdbcUrl(String database) {
        EmbeddedPostgres postgres = server();
        if (DATABASES.add(database)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database \"" + database + "\"");
            } catch (SQLException e) {
                DATABASES.remove(database);
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
        return postgres.getJdbcUrl("postgres", database);
    }
}
