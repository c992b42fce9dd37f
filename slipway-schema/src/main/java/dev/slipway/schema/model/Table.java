package dev.slipway.schema.model;

import java.util.List;
import java.util.Optional;

/** A table of the desired schema, with its columns in declaration order. */
public record Table(
        String name,
        List<Column> columns,
        Optional<Constraint.PrimaryKey> primaryKey,
        List<Constraint.Unique> uniques,
        List<Constraint.ForeignKey> foreignKeys,
        List<Constraint.Check> checks,
        List<Index> indexes) {

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** Every named constraint: primary key, uniques, checks and foreign keys. */
    public List<Constraint> constraints() {
        var all = new java.util.ArrayList<Constraint>();
        primaryKey.ifPresent(all::add);
        all.addAll(uniques);
        all.addAll(checks);
        all.addAll(foreignKeys);
        return List.copyOf(all);
    }
}
