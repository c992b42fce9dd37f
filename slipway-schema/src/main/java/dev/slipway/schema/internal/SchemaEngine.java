package dev.slipway.schema.internal;

import dev.slipway.core.Engine;
import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.internal.mysql.MysqlSchemaEngine;
import dev.slipway.schema.internal.postgresql.PostgresSchemaEngine;
import dev.slipway.schema.model.Schema;
import java.util.List;
import java.util.Set;

/**
 * What reading schema.sql and writing migrations does differently on one engine; the one place this module chooses
 * by engine ({@link #of}). The lint package has its own seam ({@code lint.internal.LintRules}): it is a public
 * package that depends on this one, so this one cannot name its classes.
 */
public interface SchemaEngine {

    /**
     * The engine whose migrations the state of the schema is read back from, and whose SQL schema.sql is written in:
     * MySQL's migrations keep less than schema.sql says ({@code timestamp} and {@code timestamp with time zone} are
     * both {@code datetime}).
     */
    Engine CANONICAL = Engine.POSTGRESQL;

    static SchemaEngine of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresSchemaEngine.INSTANCE;
            case MYSQL -> MysqlSchemaEngine.INSTANCE;
        };
    }

    /** The engines of {@code engines}, in {@link Engine}'s order (PostgreSQL first). */
    static List<SchemaEngine> of(Set<Engine> engines) {
        return engines.stream().sorted().map(SchemaEngine::of).toList();
    }

    Engine engine();

    /** Renders {@link SchemaChange}s as this engine's SQL. */
    DdlRenderer renderer();

    /**
     * True when this engine carries only the structure both engines have, so schema.sql must stay within it (no
     * extensions, no SET DEFAULT actions, no text in keys); false for PostgreSQL, whose SQL schema.sql is written in.
     */
    boolean portableOnly();

    /** Refuses, naming the line of {@code sql}, what this engine alone would not carry exactly. */
    void check(Schema schema, String origin, String sql);

    /** The diff as this engine's migration applies it (MySQL adds the indexes its foreign keys need, for one). */
    List<SchemaChange> ownChanges(Schema current, Schema desired, List<SchemaChange> changes);

    /**
     * Statements that bring columns written by an older Slipway to today's mapping on this engine, each group after a
     * {@code --} note; empty when none (always, on PostgreSQL).
     */
    List<String> upgrades(List<DdlInterpreter.Source> migrations, Schema desired);

    /** How the engine's name is written in prose. */
    String displayName();
}
