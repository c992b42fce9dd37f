package dev.slipway.jdbc.internal;

import dev.slipway.core.Engine;
import dev.slipway.jdbc.internal.mysql.MysqlDialect;
import dev.slipway.jdbc.internal.postgresql.PostgresDialect;
import java.sql.SQLException;

/**
 * What the driver does differently for the engine behind the Data API: how it lexes placeholders, returns generated
 * keys, answers catalog questions and describes itself to tools (jOOQ, Flyway). The one place this module chooses
 * by engine ({@link #of}).
 */
public interface ServerDialect {

    static ServerDialect of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresDialect.INSTANCE;
            case MYSQL -> MysqlDialect.INSTANCE;
        };
    }

    /** The engine whose {@code select version()} answer this is (PostgreSQL says so; MySQL and MariaDB do not). */
    static ServerDialect ofVersion(String version) {
        return of(version.contains("PostgreSQL") ? Engine.POSTGRESQL : Engine.MYSQL);
    }

    Engine engine();

    /** JDBC's {@code ?} rewritten to the Data API's {@code :n}, lexed as this engine lexes literals and comments. */
    Placeholders placeholders(String sql);

    /**
     * True when inserted keys come back in the Data API's {@code generatedFields} (MySQL); false when the driver
     * asks for them with {@code RETURNING} (PostgreSQL).
     */
    boolean keysInGeneratedFields();

    /** Whether the statement refuses to run in a transaction block (PostgreSQL's CREATE INDEX CONCURRENTLY, ...). */
    boolean refusesTransaction(String sql);

    /** The catalog queries, as this engine's own JDBC driver answers them. */
    CatalogQueries catalog(java.sql.Connection connection) throws SQLException;

    /** The product name as the engine's own driver reports it, from {@code select version()}. */
    String productName(String version);

    /** The product version as the engine's own driver reports it ({@code 15.20}, {@code 10.11.9-MariaDB}). */
    String productVersion(String version);

    /** The engine as its own driver names it in a URL: {@code postgresql}, {@code mariadb} or {@code mysql}. */
    String urlEngine(String version);

    String identifierQuote();

    /** True when tables live in schemas (PostgreSQL); false when in catalogs, i.e. databases (MySQL). */
    boolean namespacesAreSchemas();

    /** True when DDL runs inside a transaction (PostgreSQL); false when it commits it (MySQL). */
    boolean transactionalDdl();

    /** True when unquoted names are stored lower case (PostgreSQL); false when as written (MySQL). */
    boolean storesLowerCaseIdentifiers();

    /** True when NULL sorts after every value (PostgreSQL); false when before (MySQL). */
    boolean nullsSortHigh();

    boolean fullOuterJoins();

    int defaultTransactionIsolation();
}
