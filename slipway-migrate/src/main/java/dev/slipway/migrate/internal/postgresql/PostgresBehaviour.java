package dev.slipway.migrate.internal.postgresql;

import dev.slipway.migrate.SchemaPull;
import dev.slipway.migrate.internal.EngineBehaviour;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** PostgreSQL: an advisory lock per database, transactional DDL, no implicit indexes. */
public final class PostgresBehaviour implements EngineBehaviour {

    public static final PostgresBehaviour INSTANCE = new PostgresBehaviour();

    public static final long LOCK_KEY = 0x5_11_b_3a7L; // "slipway", any constant would do

    private PostgresBehaviour() {}

    @Override
    public String schema(Connection connection) {
        return "public";
    }

    @Override
    public Lock lock(Connection connection, Duration timeout) throws java.sql.SQLException {
        try (var s = connection.createStatement()) {
            s.execute("set lock_timeout = '" + timeout.toMillis() + "ms'");
            s.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
        }
        return () -> {
            try (var s = connection.createStatement()) {
                s.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        };
    }

    @Override
    public String dropDatabase(String name) {
        return "drop database if exists " + name + " with (force)";
    }

    @Override
    public boolean rollsBackDdl() {
        return true;
    }

    @Override
    public String afterALostConnection(String script, java.util.List<String> completed) {
        return "PostgreSQL rolled " + script + " back with its transaction: nothing of it is applied and the history"
                + " does not list it. Deploy again when the database is back.";
    }

    @Override
    public String afterAFailedMigration() {
        return "PostgreSQL rolled the migration back; nothing of it is applied. Fix the file, run 'slipway migrate"
                + " repair' if status still lists it as failed, then deploy again.";
    }

    @Override
    public boolean isForeignKeyIndex(String index, Set<String> foreignKeysOfTheTable) {
        return false;
    }

    @Override
    public java.util.Map<String, String> columnCollations(Connection connection, String schema)
            throws java.sql.SQLException {
        return dev.slipway.migrate.internal.CatalogQueries.pairs(
                connection,
                "select c.relname || '.' || a.attname, co.collname from pg_attribute a"
                        + " join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace"
                        + " join pg_collation co on co.oid = a.attcollation"
                        + " where n.nspname = ? and a.attnum > 0 and not a.attisdropped and co.collname <> 'default'",
                schema);
    }

    @Override
    public SchemaPull.Catalog catalog(Connection c, String schema) throws SQLException {
        List<SchemaPull.PostgresOnlyStatement> postgresOnly = PostgresCatalogDdl.postgresOnly(c, schema);
        List<String> notCarried = new ArrayList<>(PostgresCatalogDdl.notCarried(c, schema));
        postgresOnly.forEach(p -> notCarried.add(p.listed()));
        return new SchemaPull.Catalog(PostgresCatalogDdl.ddl(c, schema), List.copyOf(notCarried), postgresOnly);
    }
}
