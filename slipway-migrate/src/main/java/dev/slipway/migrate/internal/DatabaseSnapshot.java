package dev.slipway.migrate.internal;

import dev.slipway.core.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.Check;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.UniqueKey;
import org.jooq.impl.DSL;

/**
 * The structure of a live database as sorted lines (one per column, key, check and index), read through jOOQ's
 * JDBC meta data. Column order is left out on purpose: a column added by a migration lands last, where
 * schema.sql may declare it in the middle, and that is not a difference worth failing over. Collations are
 * part of a column (on MySQL they decide whether 'A' equals 'a').
 */
public final class DatabaseSnapshot {

    private DatabaseSnapshot() {}

    public static List<String> of(Connection connection, Engine engine) throws SQLException {
        DSLContext ctx = DSL.using(connection, org.jooq.SQLDialect.valueOf(engine.jooqDialect()));
        EngineBehaviour behaviour = EngineBehaviour.of(engine);
        String schema = behaviour.schema(connection);
        Meta meta = ctx.meta()
                .filterSchemas(s -> s.getName().equalsIgnoreCase(schema))
                .filterTables(t -> !t.getName().equalsIgnoreCase("flyway_schema_history"));
        java.util.Map<String, String> collations = behaviour.columnCollations(connection, schema);
        TreeSet<String> lines = new TreeSet<>();
        for (Table<?> table : meta.getTables()) {
            String t = table.getName();
            lines.add("table " + t);
            for (Field<?> field : table.fields()) {
                var type = field.getDataType();
                String def = type.defaultValue() == null ? "" : " default " + ctx.renderInlined(type.defaultValue());
                lines.add("column " + t + "." + field.getName() + " " + type.getCastTypeName()
                        + collation(collations.get(t + "." + field.getName()))
                        + (type.nullable() ? " null" : " not null") + (type.identity() ? " identity" : "") + def);
            }
            if (table.getPrimaryKey() != null)
                lines.add("primary key " + t + " " + names(table.getPrimaryKey().getFields()));
            for (UniqueKey<?> key : table.getUniqueKeys()) {
                lines.add("unique " + t + " " + key.getName() + " " + names(key.getFields()));
            }
            for (ForeignKey<?, ?> fk : table.getReferences()) {
                lines.add("foreign key " + t + " " + fk.getName() + " " + names(fk.getFields()) + " -> "
                        + fk.getKey().getTable().getName() + names(fk.getKeyFields()) + " on delete "
                        + fk.getDeleteRule() + " on update " + fk.getUpdateRule());
            }
            for (Check<?> check : table.getChecks()) {
                lines.add("check " + t + " " + check.getName() + " " + ctx.renderInlined(check.condition()));
            }
            java.util.Set<String> foreignKeys =
                    table.getReferences().stream().map(ForeignKey::getName).collect(Collectors.toSet());
            for (Index index : table.getIndexes()) {
                if (behaviour.isForeignKeyIndex(index.getName(), foreignKeys)) {
                    continue; // MySQL's own index for a foreign key that has no declared one
                }
                lines.add("index " + t + " " + index.getName() + (index.getUnique() ? " unique " : " ")
                        + index.getFields().stream()
                                .map(f -> f.getName() + " " + f.getOrder())
                                .toList());
            }
        }
        return new ArrayList<>(lines);
    }

    private static String collation(String name) {
        return name == null ? "" : " collate " + name;
    }

    private static String names(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::getName).collect(Collectors.joining(", ", "(", ")"));
    }
}
