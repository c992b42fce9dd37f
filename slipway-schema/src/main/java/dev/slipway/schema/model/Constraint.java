package dev.slipway.schema.model;

import java.util.List;

/** A named table constraint. Names are deterministic (see {@code ConstraintNames}) so later diffs can drop them. */
public sealed interface Constraint {

    String name();

    record PrimaryKey(String name, List<String> columns) implements Constraint {}

    record Unique(String name, List<String> columns) implements Constraint {}

    record Check(String name, String condition) implements Constraint {}

    record ForeignKey(
            String name,
            List<String> columns,
            String referencedTable,
            List<String> referencedColumns,
            ReferentialAction onDelete,
            ReferentialAction onUpdate)
            implements Constraint {}

    /** What a foreign key does when the referenced row is deleted ({@code on delete}) or its key changes ({@code on update}). */
    enum ReferentialAction {
        NO_ACTION("no action"),
        RESTRICT("restrict"),
        CASCADE("cascade"),
        SET_NULL("set null"),
        SET_DEFAULT("set default");

        private final String sql;

        ReferentialAction(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
