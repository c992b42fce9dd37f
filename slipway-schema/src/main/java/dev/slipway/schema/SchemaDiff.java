package dev.slipway.schema;

import dev.slipway.schema.SchemaChange.AddColumn;
import dev.slipway.schema.SchemaChange.AddConstraint;
import dev.slipway.schema.SchemaChange.AlterColumn;
import dev.slipway.schema.SchemaChange.CreateIndex;
import dev.slipway.schema.SchemaChange.CreateTable;
import dev.slipway.schema.SchemaChange.DropColumn;
import dev.slipway.schema.SchemaChange.DropConstraint;
import dev.slipway.schema.SchemaChange.DropIndex;
import dev.slipway.schema.SchemaChange.DropTable;
import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.DefaultValue;
import dev.slipway.schema.model.EnumType;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes the ordered changes that turn one schema into another. Objects are matched by name, so a rename is
 * a drop plus an add (lint then flags the drop). Order: drop what goes away (foreign keys first), create new
 * tables (referenced before referencing), change columns, then add constraints, indexes and foreign keys last.
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    public static List<SchemaChange> between(Schema from, Schema to) {
        List<SchemaChange> drops = new ArrayList<>();
        List<SchemaChange> creates = new ArrayList<>();
        List<SchemaChange> columns = new ArrayList<>();
        List<SchemaChange> adds = new ArrayList<>();
        List<SchemaChange> foreignKeys = new ArrayList<>();

        for (Table old : from.tables()) {
            Optional<Table> desired = to.table(old.name());
            if (desired.isEmpty()) {
                old.foreignKeys().forEach(fk -> drops.add(new DropConstraint(old.name(), fk)));
            } else {
                diffConstraintsAndIndexes(old, desired.get(), drops, adds, foreignKeys);
            }
        }
        for (Table table : TableOrder.dropOrder(from, to)) {
            drops.add(new DropTable(table.name()));
        }
        java.util.Set<String> existing = new java.util.HashSet<>(names(from));
        for (Table table : TableOrder.createOrder(from, to)) {
            existing.add(table.name());
            List<Constraint.ForeignKey> inline = new ArrayList<>();
            for (Constraint.ForeignKey fk : table.foreignKeys()) {
                if (existing.contains(fk.referencedTable())) {
                    inline.add(fk);
                } else { // part of a cycle: added once both tables exist
                    foreignKeys.add(new AddConstraint(table.name(), fk));
                }
            }
            creates.add(new CreateTable(forCreate(table, inline)));
            table.indexes().forEach(index -> adds.add(new CreateIndex(table.name(), index)));
        }
        for (Table desired : to.tables()) {
            from.table(desired.name()).ifPresent(old -> diffColumns(old, desired, columns));
        }
        List<SchemaChange> all = new ArrayList<>();
        to.extensions().stream()
                .filter(e -> !from.extensions().contains(e))
                .forEach(e -> all.add(new SchemaChange.CreateExtension(e)));
        all.addAll(drops);
        List<SchemaChange> enums = enumsBeforeTables(from, to);
        refuseNewLabelsAsDefaults(enums, to);
        all.addAll(enums);
        all.addAll(creates);
        all.addAll(columns);
        all.addAll(adds);
        all.addAll(foreignKeys);
        for (EnumType old : from.enums()) {
            if (to.enumType(old.name()).isEmpty()) all.add(new SchemaChange.DropEnum(old));
        }
        return List.copyOf(all);
    }

    /**
     * New enum types, and values appended to existing ones, before the tables that use them. A value removed or
     * moved is refused: PostgreSQL can only append (ADD VALUE), and rows may hold a removed value.
     */
    private static List<SchemaChange> enumsBeforeTables(Schema from, Schema to) {
        List<SchemaChange> changes = new ArrayList<>();
        for (EnumType desired : to.enums()) {
            Optional<EnumType> old = from.enumType(desired.name());
            if (old.isEmpty()) {
                changes.add(new SchemaChange.CreateEnum(desired));
            } else if (!old.get().equals(desired)) {
                if (!old.get().onlyAppendedIn(desired)) {
                    throw new SchemaException(
                            SchemaErrorCode.UNSUPPORTED,
                            "Enum type " + desired.name() + " changes from "
                                    + old.get().values() + " to "
                                    + desired.values() + ": Slipway generates only values appended at the end"
                                    + " (PostgreSQL's ADD VALUE). Removing, renaming or moving a value needs the rows"
                                    + " that hold it changed first: write that migration by hand for each engine"
                                    + " (PostgreSQL: a new type and ALTER COLUMN ... TYPE ... USING; MySQL: MODIFY"
                                    + " COLUMN), then run 'slipway migrate check'.");
                }
                changes.add(new SchemaChange.AddEnumValues(old.get(), desired));
            }
        }
        return changes;
    }

    /**
     * PostgreSQL cannot use an enum label in the transaction that adds it ("unsafe use of new value"), and a Flyway
     * migration is one transaction: a default that is a label added in the same migration is refused, with the two
     * steps that work.
     */
    private static void refuseNewLabelsAsDefaults(List<SchemaChange> enumChanges, Schema to) {
        for (SchemaChange change : enumChanges) {
            if (!(change instanceof SchemaChange.AddEnumValues add)) continue;
            List<String> added = add.from().appendedIn(add.to());
            for (Table table : to.tables()) {
                for (Column column : table.columns()) {
                    boolean ofType = column.type().kind() == ColumnType.Kind.ENUM
                            && column.type().enumType().name().equals(add.to().name());
                    String label = column.defaultValue()
                            .filter(v -> v instanceof DefaultValue.Literal)
                            .map(v -> ((DefaultValue.Literal) v)
                                    .sql()
                                    .replaceAll("^'|'$", "")
                                    .replace("''", "'"))
                            .orElse(null);
                    if (ofType && label != null && added.contains(label)) {
                        throw new SchemaException(
                                SchemaErrorCode.UNSUPPORTED,
                                "Column " + table.name() + "." + column.name() + " gets the default '" + label
                                        + "', a value enum type " + add.to().name() + " gains in this same migration;"
                                        + " PostgreSQL cannot use a new enum value in the transaction that adds it."
                                        + " Run migrate dev twice: first with the value added and the old default,"
                                        + " then with the new default.");
                    }
                }
            }
        }
    }

    private static Table forCreate(Table table, List<Constraint.ForeignKey> inlineForeignKeys) {
        return new Table(
                table.name(),
                table.columns(),
                table.primaryKey(),
                table.uniques(),
                List.copyOf(inlineForeignKeys),
                table.checks(),
                List.of());
    }

    private static void diffColumns(Table old, Table desired, List<SchemaChange> out) {
        List<SchemaChange> dropped = new ArrayList<>();
        for (Column column : desired.columns()) {
            Optional<Column> existing = old.column(column.name());
            if (existing.isEmpty()) {
                out.add(new AddColumn(desired.name(), column));
            } else if (!existing.get().equals(column)) {
                if (existing.get().generated() != column.generated()) {
                    throw new SchemaException(
                            SchemaErrorCode.UNSUPPORTED,
                            "Column " + desired.name() + "." + column.name() + " changes whether it is generated"
                                    + " (identity/auto_increment). Slipway does not generate that change; write the"
                                    + " migration by hand for each engine, then run 'slipway migrate check'.");
                }
                AlterColumn change = new AlterColumn(desired.name(), existing.get(), column);
                boolean intoOrOutOfEnum = change.typeChanged()
                        && (existing.get().type().kind() == ColumnType.Kind.ENUM
                                || column.type().kind() == ColumnType.Kind.ENUM)
                        && !change.onlyEnumValuesChanged();
                if (intoOrOutOfEnum) {
                    throw new SchemaException(
                            SchemaErrorCode.UNSUPPORTED,
                            "Column " + desired.name() + "." + column.name() + " changes type from "
                                    + existing.get().type() + " to " + column.type() + ". Into or out of an enum"
                                    + " type, PostgreSQL needs ALTER COLUMN ... TYPE ... USING (" + column.name()
                                    + "::text::...), which Slipway does not generate: write the migration by hand"
                                    + " for each engine, then run 'slipway migrate check'.");
                }
                out.add(change);
            }
        }
        for (Column column : old.columns()) {
            if (desired.column(column.name()).isEmpty()) dropped.add(new DropColumn(old.name(), column));
        }
        out.addAll(dropped);
    }

    private static void diffConstraintsAndIndexes(
            Table old, Table desired, List<SchemaChange> drops, List<SchemaChange> adds, List<SchemaChange> fks) {
        List<Constraint> oldConstraints = old.constraints();
        List<Constraint> newConstraints = desired.constraints();
        // foreign keys are dropped before anything else so the keys they depend on can go
        for (Constraint constraint : oldConstraints) {
            if (!newConstraints.contains(constraint) && constraint instanceof Constraint.ForeignKey) {
                drops.add(new DropConstraint(old.name(), constraint));
            }
        }
        for (Index index : old.indexes()) {
            if (!desired.indexes().contains(index)) drops.add(new DropIndex(old.name(), index));
        }
        for (Constraint constraint : oldConstraints) {
            if (!newConstraints.contains(constraint) && !(constraint instanceof Constraint.ForeignKey)) {
                drops.add(new DropConstraint(old.name(), constraint));
            }
        }
        for (Constraint constraint : newConstraints) {
            if (!oldConstraints.contains(constraint)) {
                (constraint instanceof Constraint.ForeignKey ? fks : adds)
                        .add(new AddConstraint(desired.name(), constraint));
            }
        }
        for (Index index : desired.indexes()) {
            if (!old.indexes().contains(index)) adds.add(new CreateIndex(desired.name(), index));
        }
    }

    private static List<String> names(Schema schema) {
        return schema.tables().stream().map(Table::name).sorted().toList();
    }
}
