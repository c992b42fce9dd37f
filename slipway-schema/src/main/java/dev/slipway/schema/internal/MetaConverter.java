package dev.slipway.schema.internal;

import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Constraint.ReferentialAction;
import dev.slipway.schema.model.Index;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Check;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Meta;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.UniqueKey;
import org.jooq.impl.QOM;

/**
 * Converts jOOQ's interpreted {@link Meta} to Slipway's model. Constraints arrive named (see
 * {@link UnnamedConstraints}); the fallback names cover constraints added unnamed by ALTER TABLE.
 */
final class MetaConverter {

    private MetaConverter() {}

    static Schema convert(Meta meta, SQLDialect scriptDialect, EnumTypes enums, IndexShapes indexShapes) {
        List<Table> tables = new ArrayList<>();
        for (org.jooq.Table<?> table : meta.getTables()) {
            tables.add(table(table, scriptDialect, enums, indexShapes));
        }
        return new Schema(List.copyOf(tables), enums.all());
    }

    private static Table table(
            org.jooq.Table<?> table, SQLDialect scriptDialect, EnumTypes enums, IndexShapes indexShapes) {
        String name = table.getName();
        Set<String> keyColumns = table.getPrimaryKey() == null
                ? Set.of()
                : Set.copyOf(names(table.getPrimaryKey().getFields()));
        List<Column> columns = new ArrayList<>();
        for (Field<?> field : table.fields()) {
            columns.add(new Column(
                    field.getName(),
                    columnType(field.getDataType(), name + "." + field.getName(), scriptDialect, enums),
                    // primary key columns are NOT NULL on every engine, whether or not the DDL says so
                    field.getDataType().nullable() && !keyColumns.contains(field.getName()),
                    identity(field.getDataType()),
                    DefaultValues.of(field.getDataType())));
        }
        Optional<Constraint.PrimaryKey> primaryKey = Optional.ofNullable(table.getPrimaryKey())
                .map(pk -> new Constraint.PrimaryKey(
                        named(pk.getName(), ConstraintNames.primaryKey(name, none -> false)), names(pk.getFields())));
        List<Constraint.Unique> uniques = new ArrayList<>();
        for (UniqueKey<?> key : table.getUniqueKeys()) {
            List<String> uniqueColumns = names(key.getFields());
            uniques.add(new Constraint.Unique(
                    named(key.getName(), ConstraintNames.unique(name, uniqueColumns, none -> false)), uniqueColumns));
        }
        List<Constraint.ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey<?, ?> key : table.getReferences()) {
            foreignKeys.add(foreignKey(name, key));
        }
        List<Constraint.Check> checks = new ArrayList<>();
        Set<String> columnNames =
                new LinkedHashSet<>(columns.stream().map(Column::name).toList());
        for (Check<?> check : table.getChecks()) {
            String condition = Jooq.rendering(org.jooq.SQLDialect.DEFAULT).renderInlined(check.condition());
            String fallback = ConstraintNames.check(name, referencedColumns(condition, columnNames), none -> false);
            checks.add(new Constraint.Check(named(check.getName(), fallback), condition));
        }
        List<Index> indexes = new ArrayList<>();
        for (org.jooq.Index index : table.getIndexes()) {
            indexes.add(index(name, index, indexShapes));
        }
        return new Table(
                name,
                List.copyOf(columns),
                primaryKey,
                List.copyOf(uniques),
                List.copyOf(foreignKeys),
                List.copyOf(checks),
                List.copyOf(indexes));
    }

    /** A declared enum type (or an array of one) by its name, else the type as jOOQ read it. */
    private static ColumnType columnType(
            org.jooq.DataType<?> type, String where, SQLDialect scriptDialect, EnumTypes enums) {
        if (type.isArray() && type.getArrayComponentDataType() != null) {
            String element = type.getArrayComponentDataType().getTypeName();
            if (CaseInsensitiveText.is(element)) return ColumnType.arrayOf(ColumnType.of(ColumnType.Kind.CITEXT));
            java.util.Optional<ColumnType> enumElement = enums.of(element).map(ColumnType::enumOf);
            if (enumElement.isPresent()) return ColumnType.arrayOf(enumElement.get());
        }
        if (CaseInsensitiveText.is(type.getTypeName())) return ColumnType.of(ColumnType.Kind.CITEXT);
        return enums.of(type.getTypeName())
                .map(ColumnType::enumOf)
                .orElseGet(() -> TypeMapping.map(type, where, scriptDialect));
    }

    private static Column.Identity identity(org.jooq.DataType<?> type) {
        if (!type.identity()) return Column.Identity.NONE;
        return type.identityMode() == QOM.GenerationMode.ALWAYS ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
    }

    private static Constraint.ForeignKey foreignKey(String table, ForeignKey<?, ?> key) {
        List<String> columns = names(key.getFields());
        return new Constraint.ForeignKey(
                named(key.getName(), ConstraintNames.foreignKey(table, columns, none -> false)),
                columns,
                key.getKey().getTable().getName(),
                names(key.getKeyFields()),
                action(key.getDeleteRule()),
                action(key.getUpdateRule()));
    }

    private static ReferentialAction action(QOM.ForeignKeyRule rule) {
        if (rule == null) return ReferentialAction.NO_ACTION;
        return switch (rule) {
            case CASCADE -> ReferentialAction.CASCADE;
            case SET_NULL -> ReferentialAction.SET_NULL;
            case SET_DEFAULT -> ReferentialAction.SET_DEFAULT;
            case RESTRICT -> ReferentialAction.RESTRICT;
            case NO_ACTION -> ReferentialAction.NO_ACTION;
        };
    }

    private static Index index(String table, org.jooq.Index index, IndexShapes indexShapes) {
        // a partial index: carried for a PostgreSQL-only project, refused for MySQL by PortabilityRules
        String where = index.getWhere() == null
                ? null
                : Jooq.rendering(org.jooq.SQLDialect.DEFAULT).renderInlined(index.getWhere());
        List<String> columns = new ArrayList<>();
        for (SortField<?> field : index.getFields()) {
            columns.add(field.getName() + (field.getOrder() == SortOrder.DESC ? " desc" : ""));
        }
        return indexShapes.index(table, index.getName(), List.copyOf(columns), index.getUnique(), where);
    }

    private static List<String> referencedColumns(String condition, Set<String> columns) {
        return CheckColumns.mentioned(condition, columns);
    }

    private static List<String> names(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }

    private static String named(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given;
    }
}
