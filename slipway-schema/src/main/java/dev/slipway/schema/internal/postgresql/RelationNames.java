package dev.slipway.schema.internal.postgresql;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.internal.SourceLines;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL keeps tables, indexes and the indexes behind primary keys and unique constraints in one namespace per
 * schema, where MySQL names indexes per table: an index name used on two tables (common in MySQL-born schemas) would
 * be written for PostgreSQL as is and fail there. Refused when schema.sql is read, with the line of the second use.
 */
public final class RelationNames {

    private RelationNames() {}

    public static void check(Schema schema, String origin, String sql) {
        Map<String, String> taken = new HashMap<>();
        Map<String, Integer> indexUses = new HashMap<>();
        for (Table table : schema.tables()) taken.put(table.name(), "table " + table.name());
        for (Table table : schema.tables()) {
            for (Constraint constraint : table.constraints()) {
                // a primary key or unique constraint is an index of that name; foreign keys and checks are not
                List<String> columns = switch (constraint) {
                    case Constraint.PrimaryKey pk -> pk.columns();
                    case Constraint.Unique unique -> unique.columns();
                    case Constraint.ForeignKey fk -> List.of();
                    case Constraint.Check check -> List.of();
                };
                if (columns.isEmpty()) continue;
                claim(
                        taken,
                        constraint.name(),
                        "a key of table " + table.name(),
                        origin,
                        SourceLines.line(sql, table.name(), columns.get(0)));
            }
            for (Index index : table.indexes()) {
                int use = indexUses.merge(index.name(), 1, Integer::sum);
                claim(
                        taken,
                        index.name(),
                        "an index on table " + table.name(),
                        origin,
                        SourceLines.indexLine(sql, index.name(), use));
            }
        }
    }

    private static void claim(Map<String, String> taken, String name, String what, String origin, int line) {
        String earlier = taken.putIfAbsent(name, what);
        if (earlier == null) return;
        throw new SchemaException(
                SchemaErrorCode.INVALID_SCHEMA,
                origin + (line > 0 ? ":" + line : "") + ": the name " + name + " of " + what + " is already "
                        + earlier + "; PostgreSQL names tables, keys and indexes once per schema (MySQL names"
                        + " indexes per table). Rename one of them.");
    }
}
