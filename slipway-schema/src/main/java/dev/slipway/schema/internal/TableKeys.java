package dev.slipway.schema.internal;

import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The column lists of a table that MySQL indexes: its primary key, unique constraints, foreign keys (InnoDB makes
 * an index for one that has none) and indexes, each named for messages. What the portability rules check per key.
 */
public final class TableKeys {

    /**
     * One key.
     *
     * @param what how a message names it, e.g. {@code unique constraint t_a_key}
     * @param columns its columns, an index column possibly with {@code " desc"}
     */
    public record Key(String what, List<String> columns) {
        /** The column names without a sort order. */
        public List<String> columnNames() {
            return columns.stream().map(c -> c.replaceFirst(" desc$", "")).toList();
        }
    }

    private TableKeys() {}

    public static List<Key> of(Table table) {
        List<Key> keys = new ArrayList<>();
        table.primaryKey().ifPresent(pk -> keys.add(new Key("the primary key", pk.columns())));
        table.uniques().forEach(u -> keys.add(new Key("unique constraint " + u.name(), u.columns())));
        table.foreignKeys().forEach(fk -> keys.add(new Key("foreign key " + fk.name(), fk.columns())));
        for (Index index : table.indexes()) {
            // PostgreSQL's index methods and expression indexes are refused for MySQL on their own
            if (index.hasMethod() || index.hasExpression()) continue;
            keys.add(new Key("index " + index.name(), index.columns()));
        }
        return keys;
    }
}
