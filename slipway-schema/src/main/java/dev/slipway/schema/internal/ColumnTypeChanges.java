package dev.slipway.schema.internal;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Table;

/**
 * Works around jOOQ's DDL interpreter on PostgreSQL's {@code ALTER TABLE t ALTER COLUMN c TYPE x}: PostgreSQL keeps
 * the column's default (cast to the new type), the interpreter drops it. jOOQ's model of ALTER TABLE is not
 * public, so the statement is recognised by how jOOQ renders it ({@code alter table t alter c <type>}), and a
 * {@code SET DEFAULT} with the old default is replayed after it.
 */
final class ColumnTypeChanges {

    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[^\\s\"]+)";
    private static final Pattern TYPE_CHANGE = Pattern.compile(
            "alter table " + NAME + " alter (?:column )?" + NAME + " (?!set |drop )(.+)", Pattern.DOTALL);

    private ColumnTypeChanges() {}

    static Optional<Query> restoreDefault(DSLContext ctx, Query query, Supplier<Meta> before) {
        Matcher matcher = TYPE_CHANGE.matcher(ctx.render(query));
        if (!matcher.matches()) return Optional.empty();
        Name table = ctx.parser().parseName(matcher.group(1));
        Name column = ctx.parser().parseName(matcher.group(2));
        for (Table<?> candidate : before.get().getTables()) {
            if (!candidate.getName().equals(table.last())) continue;
            Field<?> field = candidate.field(column.last());
            if (field == null || field.getDataType().defaultValue() == null) return Optional.empty();
            Field<?> defaultValue = field.getDataType().defaultValue();
            return Optional.of(ctx.alterTable(table).alterColumn(column).setDefault((Field) defaultValue));
        }
        return Optional.empty();
    }
}
