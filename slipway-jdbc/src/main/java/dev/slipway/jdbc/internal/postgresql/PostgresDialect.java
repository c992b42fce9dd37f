package dev.slipway.jdbc.internal.postgresql;

import dev.slipway.core.Engine;
import dev.slipway.jdbc.internal.CatalogQueries;
import dev.slipway.jdbc.internal.Placeholders;
import dev.slipway.jdbc.internal.ServerDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL behind the Data API, described as pgjdbc describes it. */
public final class PostgresDialect implements ServerDialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    /**
     * Statements that refuse to run in a transaction block (CREATE DATABASE, CREATE INDEX CONCURRENTLY, VACUUM, ...).
     */
    private static final Pattern OUTSIDE_TRANSACTIONS = Pattern.compile(
            "(?is)^\\s*(create\\s+database|drop\\s+database|alter\\s+system|vacuum|create\\s+tablespace|drop\\s+tablespace"
                    + "|(create|drop)\\s+(unique\\s+)?index\\s+concurrently|reindex\\s.*\\bconcurrently\\b"
                    + "|create\\s+subscription|drop\\s+subscription)");

    private static final Pattern VERSION = Pattern.compile("PostgreSQL (\\S+)");

    private PostgresDialect() {}

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public Placeholders placeholders(String sql) {
        return Placeholders.rewrite(sql, false);
    }

    @Override
    public boolean keysInGeneratedFields() {
        return false;
    }

    @Override
    public boolean refusesTransaction(String sql) {
        return OUTSIDE_TRANSACTIONS.matcher(sql).find();
    }

    @Override
    public CatalogQueries catalog(Connection connection) throws SQLException {
        return new PostgresCatalog(connection);
    }

    @Override
    public String productName(String version) {
        return "PostgreSQL";
    }

    @Override
    public String productVersion(String version) {
        Matcher m = VERSION.matcher(version);
        return m.find() ? m.group(1) : version;
    }

    @Override
    public String urlEngine(String version) {
        return "postgresql";
    }

    @Override
    public String identifierQuote() {
        return "\"";
    }

    @Override
    public boolean namespacesAreSchemas() {
        return true;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean nullsSortHigh() {
        return true;
    }

    @Override
    public boolean fullOuterJoins() {
        return true;
    }

    @Override
    public int defaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }
}
