package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.ColumnType.Kind;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.List;
import java.util.Set;

/**
 * What {@code schema.sql} may say that PostgreSQL accepts but MySQL would refuse or silently change. Each is
 * refused when the schema is read, naming the file, line and fix, so no migration is ever written for it.
 */
public final class PortabilityRules {

    private static final Set<Kind> UNINDEXABLE = Set.of(Kind.TEXT, Kind.JSON, Kind.JSONB, Kind.BYTES);

    private PortabilityRules() {}

    /** The type as schema.sql spells it (the model calls bytea BYTES). */
    private static String schemaSqlName(ColumnType type) {
        return type.kind() == Kind.BYTES ? "bytea" : type.toString();
    }

    /**
     * @param mysql whether the project's migrations include MySQL's; without it, only the rules both engines need
     *     apply (SET NULL on a NOT NULL column fails on PostgreSQL too)
     */
    public static void check(Schema schema, String origin, String sql, boolean mysql) {
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                boolean citext = column.type().kind() == Kind.CITEXT
                        || (column.type().kind() == Kind.ARRAY
                                && column.type().element().kind() == Kind.CITEXT);
                if (citext && !schema.extensions().contains("citext")) {
                    throw refused(
                            origin,
                            sql,
                            table,
                            column.name(),
                            "column " + column.name() + " is citext, the type of PostgreSQL's citext extension,"
                                    + " which schema.sql does not create. Add 'create extension if not exists citext;'"
                                    + " before the table.");
                }
            }
            for (Constraint.ForeignKey fk : table.foreignKeys()) {
                for (Action action : actions(fk)) {
                    if (mysql && action.what() == Constraint.ReferentialAction.SET_DEFAULT) {
                        throw refused(
                                origin,
                                sql,
                                table,
                                fk.columns().get(0),
                                "foreign key " + fk.name() + " uses " + action
                                        + ", which MySQL's InnoDB does not support (MariaDB drops it silently)."
                                        + " Use " + action.event().toUpperCase(java.util.Locale.ROOT)
                                        + " SET NULL, CASCADE, RESTRICT or NO ACTION.");
                    }
                    if (action.what() == Constraint.ReferentialAction.SET_NULL) {
                        for (String name : fk.columns()) {
                            if (!table.column(name).orElseThrow().nullable()) {
                                throw refused(
                                        origin,
                                        sql,
                                        table,
                                        name,
                                        "foreign key " + fk.name() + " uses " + action + " but column " + name
                                                + " is NOT NULL; MySQL refuses it and PostgreSQL would fail at that"
                                                + " moment. Drop NOT NULL from " + name + ", or use another action.");
                            }
                        }
                    }
                }
            }
            if (mysql) mysqlOnly(table, origin, sql);
        }
    }

    /** What MySQL alone refuses: text in a key, checks on auto_increment or on columns a foreign key changes. */
    private static void mysqlOnly(Table table, String origin, String sql) {
        for (TableKeys.Key key : TableKeys.of(table)) {
            for (String name : key.columnNames()) {
                Column column = table.column(name).orElseThrow();
                if (UNINDEXABLE.contains(column.type().kind())) {
                    throw refused(
                            origin,
                            sql,
                            table,
                            column.name(),
                            key.what() + " uses column "
                                    + column.name() + " of type " + schemaSqlName(column.type())
                                    + ", which MySQL cannot index without a prefix length. "
                                    + (column.type().kind() == Kind.BYTES
                                            ? "Use uuid for a 16-byte identifier, or char(n) holding it"
                                                    + " hex-encoded."
                                            : "Use varchar(n) (at most 768 for a key) for this column."));
                }
            }
        }
        for (Index index : table.indexes()) {
            if (!index.hasExpression() && !index.hasMethod()) continue;
            int line = SourceLines.indexLine(sql, index.name());
            throw new SchemaException(
                    SchemaErrorCode.UNSUPPORTED,
                    origin + (line > 0 ? ":" + line : "") + ": index " + index.name() + " on " + table.name()
                            + (index.hasMethod()
                                    ? " uses " + index.method() + ", PostgreSQL's own index method (MySQL has"
                                            + " btree)."
                                    : " indexes an expression (" + String.join(", ", index.columns())
                                            + "), which MariaDB cannot and MySQL writes differently.")
                            + " Create this index in a hand-written PostgreSQL migration" + SchemaStatements.FENCED
                            + "; or, for a PostgreSQL-only project, set slipway.engines=postgresql.");
        }
        for (Constraint.Check check : table.checks()) {
            for (Column column : table.columns()) {
                if (!mentions(check.condition(), column.name())) continue;
                if (column.generated()) {
                    throw refused(
                            origin,
                            sql,
                            table,
                            column.name(),
                            "check " + check.name() + " uses identity"
                                    + " column " + column.name()
                                    + "; MySQL refuses checks on auto_increment columns."
                                    + " Drop the check, or check the value in code.");
                }
                for (Constraint.ForeignKey fk : table.foreignKeys()) {
                    if (!fk.columns().contains(column.name())) continue;
                    for (Action action : actions(fk)) {
                        if (action.changesTheColumn()) {
                            throw refused(
                                    origin,
                                    sql,
                                    table,
                                    column.name(),
                                    "check " + check.name() + " uses column " + column.name()
                                            + ", which foreign key " + fk.name() + " changes (" + action
                                            + "); MySQL refuses checks on such columns. Drop the check or the "
                                            + action.event() + " action.");
                        }
                    }
                }
            }
        }
        for (Column column : table.columns()) {
            if (column.generated() && !leadsAKey(table, column.name())) {
                throw refused(
                        origin,
                        sql,
                        table,
                        column.name(),
                        "identity column " + column.name()
                                + " is not the first column of the primary key or of a unique constraint; MySQL's"
                                + " auto_increment must be. Make it the primary key, or add unique ("
                                + column.name()
                                + ").");
            }
        }
        for (Column column : table.columns()) {
            if (column.type().kind() == Kind.VARCHAR && column.type().length() == ColumnType.UNSPECIFIED) {
                throw refused(
                        origin,
                        sql,
                        table,
                        column.name(),
                        "'varchar' without a length is unbounded on PostgreSQL and invalid on MySQL. Write text"
                                + " (unbounded) or varchar(n); or, for a PostgreSQL-only project, set"
                                + " slipway.engines=postgresql.");
            }
            if (column.type().kind() == Kind.ARRAY) {
                throw refused(
                        origin,
                        sql,
                        table,
                        column.name(),
                        "type '" + column.type() + "' is PostgreSQL's: MySQL has no arrays. Use a table of its own,"
                                + " or json; or, for a PostgreSQL-only project, set slipway.engines=postgresql.");
            }
        }
        for (Index index : table.indexes()) {
            if (index.partial()) {
                int line = SourceLines.indexLine(sql, index.name());
                throw new SchemaException(
                        SchemaErrorCode.UNSUPPORTED,
                        origin + (line > 0 ? ":" + line : "") + ": index " + index.name() + " on " + table.name()
                                + " is partial (WHERE ...); MySQL has no partial indexes. Drop the WHERE clause,"
                                + " create this index in a hand-written PostgreSQL migration" + SchemaStatements.FENCED
                                + "; or, for a PostgreSQL-only project, set slipway.engines=postgresql.");
            }
        }
    }

    /** One referential action of a foreign key, e.g. ON UPDATE CASCADE. */
    private record Action(String event, Constraint.ReferentialAction what) {
        boolean changesTheColumn() {
            return what == Constraint.ReferentialAction.CASCADE || what == Constraint.ReferentialAction.SET_NULL;
        }

        @Override
        public String toString() {
            return (event + " " + what.sql()).toUpperCase(java.util.Locale.ROOT);
        }
    }

    private static List<Action> actions(Constraint.ForeignKey fk) {
        return List.of(new Action("on delete", fk.onDelete()), new Action("on update", fk.onUpdate()));
    }

    private static boolean mentions(String condition, String column) {
        return !CheckColumns.mentioned(condition, Set.of(column)).isEmpty();
    }

    private static boolean leadsAKey(Table table, String column) {
        if (table.primaryKey().map(pk -> pk.columns().get(0).equals(column)).orElse(false)) return true;
        if (table.uniques().stream().anyMatch(u -> u.columns().get(0).equals(column))) return true;
        return table.indexes().stream()
                .anyMatch(i -> i.unique() && i.columns().get(0).equals(column));
    }

    private static SchemaException refused(String origin, String sql, Table table, String column, String message) {
        int line = SourceLines.line(sql, table.name(), column);
        String where = origin + (line > 0 ? ":" + line : "") + ": " + table.name() + "." + column + ": ";
        return new SchemaException(SchemaErrorCode.UNSUPPORTED, where + message);
    }
}
