package dev.slipway.migrate;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.core.Engine;
import dev.slipway.migrate.exceptions.MigrateErrorCode;
import dev.slipway.migrate.exceptions.MigrateException;
import dev.slipway.migrate.internal.EngineBehaviour;
import dev.slipway.migrate.internal.mysql.MysqlCatalogDdl;
import dev.slipway.migrate.internal.postgresql.PostgresCatalogDdl;
import dev.slipway.schema.MigrationGenerator;
import dev.slipway.schema.SchemaDiff;
import dev.slipway.schema.SchemaReader;
import dev.slipway.schema.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a live database's tables, keys, checks and indexes into a desired-state schema.sql that Slipway accepts
 * (what {@code slipway schema pull} writes), and lists everything else the database holds, each with what Slipway
 * does with it: nothing is left out without a line saying so.
 */
public final class SchemaPull {

    /**
     * What the catalog holds.
     *
     * @param sql the tables and indexes as PostgreSQL's own catalog functions write them
     * @param notCarried what the database holds that schema.sql for both engines does not, each with the reason
     *     and the choice
     * @param postgresOnly the statements a PostgreSQL-only project carries that {@code notCarried} lists
     *     (extensions, indexes with a method other than btree or an expression), each as {@code notCarried}
     *     lists it
     */
    public record Catalog(String sql, List<String> notCarried, List<PostgresOnlyStatement> postgresOnly) {

        public Catalog(String sql, List<String> notCarried) {
            this(sql, notCarried, List.of());
        }

        /** What schema.sql leaves out for a project of {@code engines}. */
        public List<String> notCarried(java.util.Set<Engine> engines) {
            if (engines.contains(Engine.MYSQL)) return notCarried;
            List<String> carried =
                    postgresOnly.stream().map(PostgresOnlyStatement::listed).toList();
            return notCarried.stream().filter(line -> !carried.contains(line)).toList();
        }
    }

    /**
     * A statement only a PostgreSQL-only project carries.
     *
     * @param sql the statement
     * @param listed how a project for both engines lists it as not carried
     */
    public record PostgresOnlyStatement(String sql, String listed) {}

    private SchemaPull() {}

    /** Reads the catalog of {@code database} (PostgreSQL, or MySQL/MariaDB). */
    public static Catalog read(DatabaseTarget database, Consumer<String> progress) {
        try (Connection c = DatabaseWaiter.withProgress(progress).connect(database)) {
            String schema = EngineBehaviour.of(database.engine()).schema(c);
            if (database.engine() == Engine.MYSQL) {
                boolean mariadb = c.getMetaData()
                        .getDatabaseProductVersion()
                        .toLowerCase(java.util.Locale.ROOT)
                        .contains("mariadb");
                List<String> notCarried = new java.util.ArrayList<>();
                String ddl = MysqlCatalogDdl.ddl(c, schema, mariadb, notCarried);
                notCarried.addAll(MysqlCatalogDdl.notCarried(c, schema));
                return new Catalog(ddl, List.copyOf(notCarried));
            }
            List<PostgresOnlyStatement> postgresOnly = PostgresCatalogDdl.postgresOnly(c, schema);
            List<String> notCarried = new java.util.ArrayList<>(PostgresCatalogDdl.notCarried(c, schema));
            postgresOnly.forEach(p -> notCarried.add(p.listed()));
            return new Catalog(PostgresCatalogDdl.ddl(c, schema), List.copyOf(notCarried), postgresOnly);
        } catch (SQLException e) {
            throw new MigrateException(
                    MigrateErrorCode.UNREACHABLE, "Cannot read the catalog of " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * The schema.sql of a catalog read by {@link #read}: what Slipway makes of it, in Slipway's spelling. A table
     * Slipway cannot carry to both engines fails with the reason and the line of {@code origin}, where the caller
     * keeps {@code catalog.sql()}.
     */
    public static String schemaSql(Catalog catalog, String origin, String source) {
        return schemaSql(catalog, origin, source, Engine.BOTH);
    }

    /** The schema.sql of a catalog for a project whose migrations are for {@code engines} only. */
    public static String schemaSql(Catalog catalog, String origin, String source, java.util.Set<Engine> engines) {
        StringBuilder sql = new StringBuilder(catalog.sql());
        if (!engines.contains(Engine.MYSQL)) { // after the tables, so that the lines of catalog.sql() stay as they are
            catalog.postgresOnly().forEach(p -> sql.append(p.sql()).append(";\n"));
        }
        Schema pulled = SchemaReader.readSql(origin, sql.toString(), engines);
        return "-- Pulled by slipway schema pull from " + source + ".\n"
                + "-- The desired state of the database: edit it, then run slipway migrate dev.\n"
                + MigrationGenerator.render(Engine.POSTGRESQL, SchemaDiff.between(Schema.EMPTY, pulled))
                        .replaceFirst("^-- Generated by slipway[^\n]*\n", "");
    }
}
