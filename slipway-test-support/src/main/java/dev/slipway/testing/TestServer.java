package dev.slipway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A reachable PostgreSQL or MySQL/MariaDB server on which tests create throw-away databases.
 *
 * @param engine {@code postgresql} or {@code mysql}
 * @param adminUrl JDBC URL of an existing database used to create and drop others
 * @param urlPrefix the URL up to the database name, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param user user allowed to create databases
 * @param password its password
 */
public record TestServer(String engine, String adminUrl, String urlPrefix, String user, String password) {

    /** Creates a new, empty database named {@code slipway_it_<random>}. */
    public TestDatabase createDatabase() {
        String name =
                "slipway_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        return new TestDatabase(engine, urlPrefix + name, user, password, name, this);
    }

    void drop(String name) {
        String force = engine.equals("postgresql") ? " with (force)" : "";
        execute("drop database if exists " + name + force);
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot run '" + sql + "' on the " + engine + " test server: " + e.getMessage(), e);
        }
    }

    boolean reachable() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return engine.toUpperCase(Locale.ROOT) + " at " + urlPrefix;
    }
}
