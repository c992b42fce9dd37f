package dev.slipway.schema.internal;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.DefaultValue;
import dev.slipway.schema.model.EnumType;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Renders {@link SchemaChange}s as SQL for one engine. Written by hand rather than with jOOQ's
 * {@code Meta.migrateTo}: that renders invalid MySQL for {@code timestamp with time zone} and changes a column
 * twice in one diff. jOOQ still renders check conditions and default expressions for the dialect.
 */
public abstract class DdlRenderer {

    private static final Set<String> RESERVED = Set.of(
            "user",
            "order",
            "group",
            "table",
            "select",
            "from",
            "where",
            "limit",
            "key",
            "index",
            "check",
            "default",
            "column",
            "constraint",
            "primary",
            "references",
            "desc",
            "asc",
            "to",
            "by",
            "all",
            "and",
            "or",
            "not");

    protected abstract SQLDialect dialect();

    protected abstract char quoteChar();

    protected abstract String type(ColumnType type);

    /** The column definition after the type: identity, nullability, default. */
    protected abstract String columnTail(Column column);

    protected abstract List<String> alterColumn(SchemaChange.AlterColumn change);

    protected abstract String dropConstraint(String table, Constraint constraint);

    protected abstract String dropIndex(String table, Index index);

    protected abstract String defaultSql(DefaultValue value, ColumnType type);

    /**
     * A change of an enum type itself (PostgreSQL's named types; on MySQL nothing, its columns hold the values), or
     * a PostgreSQL extension: the objects outside tables.
     */
    protected abstract List<String> typeOrExtensionChange(SchemaChange change);

    /** A string literal in this engine's syntax. */
    protected String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    protected String enumValues(EnumType type) {
        return type.values().stream().map(this::stringLiteral).collect(Collectors.joining(", "));
    }

    public List<String> render(SchemaChange change) {
        String table = change.table();
        return switch (change) {
            case SchemaChange.CreateTable create -> List.of(createTable(create.definition()));
            case SchemaChange.DropTable drop -> List.of("drop table " + quote(table));
            case SchemaChange.AddColumn add -> List.of(alter(table) + " add column " + column(add.column()));
            case SchemaChange.DropColumn drop ->
                List.of(alter(table) + " drop column " + quote(drop.column().name()));
            case SchemaChange.AlterColumn alter -> alterColumn(alter);
            case SchemaChange.AddConstraint add -> List.of(alter(table) + " add " + constraint(add.constraint()));
            case SchemaChange.DropConstraint drop -> List.of(dropConstraint(table, drop.constraint()));
            case SchemaChange.CreateIndex create -> List.of(createIndex(table, create.index()));
            case SchemaChange.DropIndex drop -> List.of(dropIndex(table, drop.index()));
            case SchemaChange.CreateExtension create -> typeOrExtensionChange(create);
            case SchemaChange.CreateEnum create -> typeOrExtensionChange(create);
            case SchemaChange.AddEnumValues add -> typeOrExtensionChange(add);
            case SchemaChange.DropEnum drop -> typeOrExtensionChange(drop);
        };
    }

    protected String createTable(Table table) {
        List<String> parts = new ArrayList<>();
        table.columns().forEach(c -> parts.add(column(c)));
        table.constraints().forEach(c -> parts.add(constraint(c)));
        return "create table " + quote(table.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)";
    }

    protected String createIndex(String table, Index index) {
        String columns = index.columns().stream().map(this::indexColumn).collect(Collectors.joining(", "));
        return "create " + (index.unique() ? "unique " : "") + "index " + quote(index.name()) + " on " + quote(table)
                + (index.hasMethod() ? " using " + index.method() : "") + " (" + columns + ")"
                + (index.partial() ? " where " + condition(index.where()) : "");
    }

    private String indexColumn(String element) {
        boolean desc = element.endsWith(" desc");
        String indexed = desc ? element.substring(0, element.length() - 5) : element;
        String written = Index.isExpression(indexed)
                ? "(" + expression(indexed.substring(1, indexed.length() - 1)) + ")"
                : quote(indexed);
        return written + (desc ? " desc" : "");
    }

    public String column(Column column) {
        return quote(column.name()) + " " + type(column.type()) + columnTail(column);
    }

    protected String nullability(Column column) {
        return column.nullable() ? "" : " not null";
    }

    protected String constraint(Constraint constraint) {
        String prefix = "constraint " + quote(constraint.name()) + " ";
        return switch (constraint) {
            case Constraint.PrimaryKey pk -> prefix + "primary key (" + columns(pk.columns()) + ")";
            case Constraint.Unique unique -> prefix + "unique (" + columns(unique.columns()) + ")";
            case Constraint.Check check -> prefix + "check (" + condition(check.condition()) + ")";
            case Constraint.ForeignKey fk ->
                prefix + "foreign key (" + columns(fk.columns()) + ") references "
                        + quote(fk.referencedTable()) + " (" + columns(fk.referencedColumns()) + ")"
                        + action("delete", fk.onDelete())
                        + action("update", fk.onUpdate());
        };
    }

    private static String action(String event, Constraint.ReferentialAction action) {
        return action == Constraint.ReferentialAction.NO_ACTION ? "" : " on " + event + " " + action.sql();
    }

    public String alter(String table) {
        return "alter table " + quote(table);
    }

    protected String columns(List<String> names) {
        return names.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    protected String condition(String neutralSql) {
        DSLContext parser = Jooq.parsing(SQLDialect.DEFAULT);
        return Jooq.rendering(dialect()).renderInlined(parser.parser().parseCondition(neutralSql));
    }

    protected String expression(String neutralSql) {
        DSLContext parser = Jooq.parsing(SQLDialect.DEFAULT);
        return Jooq.rendering(dialect()).renderInlined(parser.parser().parseField(neutralSql));
    }

    public String quote(String name) {
        if (name.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(name)) return name;
        String q = String.valueOf(quoteChar());
        return q + name.replace(q, q + q) + q;
    }
}
