package dev.slipway.schema;

import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.EnumType;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Table;

/** One step from the current schema towards the desired one; each engine renders it to SQL. */
public sealed interface SchemaChange {

    /** The table the change is about ("" for a change of an enum type, which belongs to no table). */
    String table();

    /**
     * A PostgreSQL extension schema.sql creates (a PostgreSQL-only project). Never dropped by Slipway: an extension
     * may hold objects and data; drop one in a migration you write.
     */
    record CreateExtension(String name) implements SchemaChange {
        @Override
        public String table() {
            return "";
        }
    }

    /** A new enum type. PostgreSQL creates it; on MySQL there is nothing to do (its columns carry the values). */
    record CreateEnum(EnumType type) implements SchemaChange {
        @Override
        public String table() {
            return "";
        }
    }

    /**
     * Values appended to an enum type (PostgreSQL: ADD VALUE, one each; MySQL: each column of the type is redefined
     * by its own {@link AlterColumn}).
     */
    record AddEnumValues(EnumType from, EnumType to) implements SchemaChange {
        @Override
        public String table() {
            return "";
        }
    }

    /** An enum type no longer declared, dropped after its last column. */
    record DropEnum(EnumType type) implements SchemaChange {
        @Override
        public String table() {
            return "";
        }
    }

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

        /**
         * Whether only the values of the column's enum type changed: PostgreSQL changes the type itself
         * ({@link AddEnumValues}), not the column; MySQL redefines the column.
         */
        public boolean onlyEnumValuesChanged() {
            return typeChanged()
                    && from.type().kind() == ColumnType.Kind.ENUM
                    && to.type().kind() == ColumnType.Kind.ENUM
                    && from.type().enumType().name().equals(to.type().enumType().name());
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
