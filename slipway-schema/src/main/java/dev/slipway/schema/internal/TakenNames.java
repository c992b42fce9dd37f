package dev.slipway.schema.internal;

import java.util.HashSet;
import java.util.Set;
import org.jooq.Check;
import org.jooq.ForeignKey;
import org.jooq.Index;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.UniqueKey;

/**
 * The names in use in a schema, split as PostgreSQL checks them when it chooses a name: relations (tables and
 * indexes, including those behind primary keys and unique constraints) and constraints.
 */
final class TakenNames {

    private final Set<String> relations = new HashSet<>();
    private final Set<String> constraints = new HashSet<>();

    static TakenNames of(Meta meta) {
        TakenNames taken = new TakenNames();
        for (Table<?> table : meta.getTables()) {
            taken.relations.add(table.getName());
            if (table.getPrimaryKey() != null)
                taken.addIndexBacked(table.getPrimaryKey().getName());
            for (UniqueKey<?> key : table.getUniqueKeys()) taken.addIndexBacked(key.getName());
            for (ForeignKey<?, ?> key : table.getReferences()) taken.constraints.add(key.getName());
            for (Check<?> check : table.getChecks()) taken.constraints.add(check.getName());
            for (Index index : table.getIndexes()) taken.relations.add(index.getName());
        }
        return taken;
    }

    /** A primary key or unique constraint: PostgreSQL creates an index of the same name. */
    void addIndexBacked(String name) {
        relations.add(name);
        constraints.add(name);
    }

    void addConstraint(String name) {
        constraints.add(name);
    }

    void addRelation(String name) {
        relations.add(name);
    }

    boolean indexBackedTaken(String name) {
        return relations.contains(name) || constraints.contains(name);
    }

    boolean constraintTaken(String name) {
        return constraints.contains(name);
    }

    boolean relationTaken(String name) {
        return relations.contains(name);
    }
}
