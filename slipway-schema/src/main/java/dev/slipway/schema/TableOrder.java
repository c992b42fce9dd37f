package dev.slipway.schema;

import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Orders table creation and removal so that foreign keys always point at a table that exists. */
final class TableOrder {

    private TableOrder() {}

    /** New tables, each after the tables it references (references to itself and cycles are broken by order of declaration). */
    static List<Table> createOrder(Schema from, Schema to) {
        Map<String, Table> pending = new LinkedHashMap<>();
        to.tables().stream().filter(t -> from.table(t.name()).isEmpty()).forEach(t -> pending.put(t.name(), t));
        return topological(pending);
    }

    /** Removed tables, referencing tables before the tables they reference. */
    static List<Table> dropOrder(Schema from, Schema to) {
        Map<String, Table> pending = new LinkedHashMap<>();
        from.tables().stream().filter(t -> to.table(t.name()).isEmpty()).forEach(t -> pending.put(t.name(), t));
        List<Table> order = new ArrayList<>(topological(pending));
        java.util.Collections.reverse(order);
        return order;
    }

    private static List<Table> topological(Map<String, Table> pending) {
        List<Table> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Table next = pending.values().stream()
                    .filter(t -> t.foreignKeys().stream()
                            .map(Constraint.ForeignKey::referencedTable)
                            .noneMatch(ref -> !ref.equals(t.name()) && pending.containsKey(ref)))
                    .findFirst()
                    .orElse(pending.values().iterator().next());
            ordered.add(next);
            pending.remove(next.name());
        }
        return ordered;
    }
}
