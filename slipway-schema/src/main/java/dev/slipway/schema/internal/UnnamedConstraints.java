package dev.slipway.schema.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Constraint;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.TableElement;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Names the constraints and indexes a statement leaves unnamed, as PostgreSQL would (see {@link ConstraintNames}),
 * before jOOQ's DDL interpreter sees them: the interpreter conflates two unnamed foreign keys to the same table
 * (it keeps the first twice and loses the second's ON DELETE). Like PostgreSQL, it also drops an unnamed unique
 * constraint that repeats the primary key or another unique constraint.
 */
final class UnnamedConstraints {

    private UnnamedConstraints() {}

    static Query name(Query query, TakenNames taken) {
        if (query instanceof QOM.CreateTable create) return nameTable(create, taken);
        if (query instanceof QOM.CreateIndex create && create.$index() == null) {
            List<String> columns = new ArrayList<>();
            for (OrderField<?> field : create.$on()) columns.add(IndexShapes.namingColumn(field));
            String name = ConstraintNames.index(create.$table().getName(), columns, taken::relationTaken);
            taken.addRelation(name);
            return create.$index(DSL.index(DSL.name(name)));
        }
        return query;
    }

    private static Query nameTable(QOM.CreateTable create, TakenNames taken) {
        String table = create.$table().getName();
        taken.addRelation(table);
        List<TableElement> elements = new ArrayList<>(create.$tableElements());
        Set<String> columns = new LinkedHashSet<>();
        for (TableElement element : elements) {
            if (element instanceof Field<?> field) columns.add(field.getName());
            if (element instanceof Constraint constraint && isNamed(constraint)) register(constraint, taken);
        }
        // PostgreSQL names checks first, then the indexes behind keys, then foreign keys
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof QOM.Check check && !isNamed(check)) {
                List<String> referenced = referencedColumns(check, columns);
                String name = ConstraintNames.check(table, referenced, taken::constraintTaken);
                taken.addConstraint(name);
                elements.set(i, check.$name(DSL.name(name)));
            }
        }
        List<List<String>> keys = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            TableElement element = elements.get(i);
            if (element instanceof QOM.PrimaryKey key) {
                keys.add(names(key.$fields()));
                if (!isNamed(key))
                    elements.set(i, namedKey(key, ConstraintNames.primaryKey(table, taken::indexBackedTaken), taken));
            } else if (element instanceof QOM.UniqueKey key) {
                List<String> keyColumns = names(key.$fields());
                if (!isNamed(key) && keys.contains(keyColumns)) {
                    elements.set(i, null);
                    continue;
                }
                keys.add(keyColumns);
                if (!isNamed(key)) {
                    elements.set(
                            i,
                            namedKey(key, ConstraintNames.unique(table, keyColumns, taken::indexBackedTaken), taken));
                }
            }
        }
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) instanceof QOM.ForeignKey key && !isNamed(key)) {
                String name = ConstraintNames.foreignKey(table, names(key.$fields()), taken::constraintTaken);
                taken.addConstraint(name);
                elements.set(i, key.$name(DSL.name(name)));
            }
        }
        elements.removeIf(java.util.Objects::isNull);
        return create.$tableElements(elements);
    }

    private static Constraint namedKey(Constraint key, String name, TakenNames taken) {
        taken.addIndexBacked(name);
        return switch (key) {
            case QOM.PrimaryKey pk -> pk.$name(DSL.name(name));
            case QOM.UniqueKey unique -> unique.$name(DSL.name(name));
            default -> key;
        };
    }

    private static void register(Constraint constraint, TakenNames taken) {
        String name = constraint.getName();
        if (constraint instanceof QOM.PrimaryKey || constraint instanceof QOM.UniqueKey) taken.addIndexBacked(name);
        else taken.addConstraint(name);
    }

    private static boolean isNamed(Constraint constraint) {
        Name name = constraint.getQualifiedName();
        return name != null && !name.empty() && !constraint.getName().isEmpty();
    }

    /** The distinct table columns a check's condition mentions, in order of appearance. */
    private static List<String> referencedColumns(QOM.Check check, Set<String> columns) {
        return CheckColumns.mentioned(Jooq.rendering(SQLDialect.POSTGRES).renderInlined(check.$condition()), columns);
    }

    private static List<String> names(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::getName).toList();
    }
}
