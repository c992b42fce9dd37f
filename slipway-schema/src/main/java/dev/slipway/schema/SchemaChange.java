package dev.slipway.schema;

import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Table;

/** One step from the current schema towards the desired one; each engine renders it to SQL. */
public sealed interface SchemaChange {

    /** The table the change is about. */
    String table();

    /** A new table, with its primary key, uniques and checks, and the foreign keys in {@code table} itself. */
    record CreateTable(Table definition) implements SchemaChange {
        @Override
        public String table() {
            return definition.name();
        }
    }

    record DropTable(String table) implements SchemaChange {}

    record AddColumn(String table, Column column) implements SchemaChange {}

    record DropColumn(String table, Column column) implements SchemaChange {}

    /** A column whose type, nullability or default differs; {@code from} and {@code to} are whole definitions. */
    record AlterColumn(String table, Column from, Column to) implements SchemaChange {
        public boolean typeChanged() {
            return !from.type().equals(to.type());
        }

        public boolean nullabilityChanged() {
            return from.nullable() != to.nullable();
        }

        /** From {@code BY DEFAULT} to {@code ALWAYS} or back; PostgreSQL only, MySQL has one kind. */
        public boolean identityModeChanged() {
            return from.identity() != to.identity();
        }

        public boolean defaultChanged() {
            return !from.defaultValue().equals(to.defaultValue());
        }
    }

    record AddConstraint(String table, Constraint constraint) implements SchemaChange {}

    record DropConstraint(String table, Constraint constraint) implements SchemaChange {}

    record CreateIndex(String table, Index index) implements SchemaChange {}

    record DropIndex(String table, Index index) implements SchemaChange {}
}
