package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL needs an index whose first columns are a foreign key's columns for as long as the key exists. When none is
 * declared it creates one named like the key, drops that one itself once a declared index can serve, keeps it
 * after the key is dropped, and refuses to drop the last index a key needs (error 1553). PostgreSQL has none of
 * this, so the shared diff is adjusted for MySQL, to end where creating the schema from scratch ends:
 * <ul>
 *   <li>a dropped foreign key whose table stays and that no declared key served also loses MySQL's index for it
 *       (else a later change of those columns, e.g. to {@code text}, fails on the left-over index);
 *   <li>a foreign key that stays but loses the index (or unique constraint, or primary key) serving it is dropped
 *       first and added again last, so MySQL makes the index it needs itself.
 * </ul>
 */
public final class MysqlForeignKeyIndexes {

    private MysqlForeignKeyIndexes() {}

    public static List<SchemaChange> forMysql(Schema from, Schema to, List<SchemaChange> diff) {
        List<SchemaChange> changes = withImplicitIndexesDropped(from, to, diff);
        Set<Rebuilt> rebuilt = new LinkedHashSet<>();
        for (SchemaChange change : changes) {
            Optional<List<String>> lost = droppedKeyColumns(change);
            if (lost.isEmpty()) continue;
            Optional<Table> before = from.table(change.table());
            Optional<Table> after = to.table(change.table());
            if (before.isEmpty() || after.isEmpty()) continue;
            for (Constraint.ForeignKey fk : before.get().foreignKeys()) {
                boolean kept = after.get().foreignKeys().contains(fk);
                if (kept && leads(fk.columns(), lost.get()) && !servedByAKeptKey(fk, before.get(), after.get())) {
                    rebuilt.add(new Rebuilt(change.table(), fk));
                }
            }
        }
        if (rebuilt.isEmpty()) return changes;
        List<SchemaChange> out = new ArrayList<>();
        rebuilt.forEach(r -> out.add(new SchemaChange.DropConstraint(r.table(), r.foreignKey())));
        out.addAll(changes);
        rebuilt.forEach(r -> out.add(new SchemaChange.AddConstraint(r.table(), r.foreignKey())));
        return List.copyOf(out);
    }

    private record Rebuilt(String table, Constraint.ForeignKey foreignKey) {}

    private static List<SchemaChange> withImplicitIndexesDropped(Schema from, Schema to, List<SchemaChange> diff) {
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange change : diff) {
            out.add(change);
            if (!(change instanceof SchemaChange.DropConstraint drop)
                    || !(drop.constraint() instanceof Constraint.ForeignKey fk)) continue;
            Optional<Table> before = from.table(drop.table());
            Optional<Table> after = to.table(drop.table());
            if (before.isEmpty() || after.isEmpty()) continue; // the table goes, and its indexes with it
            boolean declared =
                    after.get().indexes().stream().anyMatch(i -> i.name().equals(fk.name()));
            // foreign keys on the same columns share MySQL's one index, named after one of them, which one is not
            // known here: then the index is left alone (it still serves, or is named after, the other key)
            boolean shared = before.get().foreignKeys().stream()
                    .anyMatch(other -> !other.equals(fk)
                            && (leads(fk.columns(), other.columns()) || leads(other.columns(), fk.columns())));
            if (!declared && !shared && !servedByADeclaredKey(fk, before.get())) {
                out.add(new SchemaChange.DropIndex(drop.table(), new Index(fk.name(), fk.columns(), false)));
            }
        }
        return out;
    }

    private static Optional<List<String>> droppedKeyColumns(SchemaChange change) {
        return switch (change) {
            case SchemaChange.DropIndex drop -> Optional.of(drop.index().columns());
            case SchemaChange.DropConstraint drop ->
                switch (drop.constraint()) {
                    case Constraint.PrimaryKey pk -> Optional.of(pk.columns());
                    case Constraint.Unique unique -> Optional.of(unique.columns());
                    default -> Optional.empty();
                };
            default -> Optional.empty();
        };
    }

    /** Whether a key on {@code keyColumns} can serve a foreign key on {@code fkColumns} in MySQL. */
    private static boolean leads(List<String> fkColumns, List<String> keyColumns) {
        if (keyColumns.size() < fkColumns.size()) return false;
        for (int i = 0; i < fkColumns.size(); i++) {
            if (!keyColumns.get(i).replaceFirst(" desc$", "").equals(fkColumns.get(i))) return false;
        }
        return true;
    }

    private static boolean servedByADeclaredKey(Constraint.ForeignKey fk, Table table) {
        return keys(table).values().stream().anyMatch(columns -> leads(fk.columns(), columns));
    }

    private static boolean servedByAKeptKey(Constraint.ForeignKey fk, Table before, Table after) {
        Map<Object, List<String>> stays = keys(after);
        return keys(before).entrySet().stream()
                .filter(key -> stays.containsKey(key.getKey()))
                .anyMatch(key -> leads(fk.columns(), key.getValue()));
    }

    /** The primary key, unique constraints and indexes of a table, each with its columns. */
    private static Map<Object, List<String>> keys(Table table) {
        Map<Object, List<String>> keys = new LinkedHashMap<>();
        table.primaryKey().ifPresent(pk -> keys.put(pk, pk.columns()));
        table.uniques().forEach(u -> keys.put(u, u.columns()));
        table.indexes().forEach(i -> keys.put(i, i.columns()));
        return keys;
    }
}
