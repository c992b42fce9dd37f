package dev.slipway.migrate.internal;

import dev.slipway.core.Engine;
import dev.slipway.migrate.internal.mysql.MysqlBehaviour;
import dev.slipway.migrate.internal.postgresql.PostgresBehaviour;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * What deploying, checking and reading status do differently per engine, in one place per engine (as Flyway keeps
 * each database's behaviour in its own class): connect timeouts, the schema a connection works in, the deploy lock,
 * dropping a scratch database, what a failed migration leaves behind, and which indexes the engine makes itself.
 */
public interface EngineBehaviour {

    static EngineBehaviour of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresBehaviour.INSTANCE;
            case MYSQL -> MysqlBehaviour.INSTANCE;
        };
    }

    /** The schema Slipway's tables live in for this connection. */
    String schema(Connection connection) throws SQLException;

    /** Takes the deploy lock on {@code connection}, waiting at most {@code timeout}; returns how to release it. */
    Lock lock(Connection connection, Duration timeout) throws SQLException;

    /** The statement that drops a scratch database, also while something is still connected to it. */
    String dropDatabase(String name);

    /** What a failed migration leaves behind and how to recover, for the operator. */
    String afterAFailedMigration();

    /** Whether a migration's DDL is rolled back when it fails (PostgreSQL), or stays applied (MySQL). */
    boolean rollsBackDdl();

    /**
     * What a migration cut off by a lost connection leaves behind and how to recover.
     *
     * @param script the migration's file name
     * @param completed the statements of it that completed, when Flyway reported them
     */
    String afterALostConnection(String script, java.util.List<String> completed);

    /** Whether {@code index} is one the engine made for a foreign key of the table, not one schema.sql declares. */
    boolean isForeignKeyIndex(String index, java.util.Set<String> foreignKeysOfTheTable);

    /**
     * The collation of each column that has one other than the database's default ({@code table.column -> name});
     * jOOQ's meta data does not read collations. On MySQL every text column has one.
     */
    java.util.Map<String, String> columnCollations(Connection connection, String schema) throws SQLException;

    /** The catalog of {@code schema} as schema.sql would declare it, with what it leaves out (schema pull). */
    dev.slipway.migrate.SchemaPull.Catalog catalog(Connection connection, String schema) throws SQLException;

    /** A held deploy lock. */
    @FunctionalInterface
    interface Lock {
        void release() throws SQLException;
    }
}
