package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.model.Constraint;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL names every primary key PRIMARY, so a primary key whose name alone changes is no change there. The shared diff
 * drops and adds it (a PostgreSQL name freed when a table whose long name truncated to the same prefix is dropped:
 * {@code ..._pkey1} becomes {@code ..._pkey}); on MySQL that drop fails on an auto_increment column (error 1075)
 * and would rebuild the table for nothing, so the pair is taken out of MySQL's changes.
 */
public final class MysqlPrimaryKeyNames {

    private MysqlPrimaryKeyNames() {}

    public static List<SchemaChange> withoutRenames(List<SchemaChange> changes) {
        List<SchemaChange> out = new ArrayList<>(changes);
        for (SchemaChange change : changes) {
            if (!(change instanceof SchemaChange.DropConstraint drop)
                    || !(drop.constraint() instanceof Constraint.PrimaryKey dropped)) {
                continue;
            }
            for (SchemaChange other : changes) {
                if (other instanceof SchemaChange.AddConstraint add
                        && add.table().equals(drop.table())
                        && add.constraint() instanceof Constraint.PrimaryKey added
                        && added.columns().equals(dropped.columns())) {
                    out.remove(drop);
                    out.remove(add);
                }
            }
        }
        return List.copyOf(out);
    }
}
