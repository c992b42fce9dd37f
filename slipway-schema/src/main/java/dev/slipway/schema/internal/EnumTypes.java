package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.EnumType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.QOM;

/**
 * The enum types a script declares, followed through {@code ALTER TYPE ... ADD VALUE} and {@code DROP TYPE} in
 * order. jOOQ parses these statements, but its DDL interpreter refuses ADD VALUE and keeps no values, so Slipway
 * applies jOOQ's parsed statements here, by hand, and gives the interpreter the tables only (their enum columns
 * arrive as the type's name, matched in {@link #of(String)}).
 */
final class EnumTypes {

    private final Map<String, EnumType> types = new LinkedHashMap<>();

    /** Applies {@code query} if it is about a type; false when it is not (it goes to jOOQ's interpreter). */
    boolean apply(Query query) {
        switch (query) {
            case QOM.CreateType create -> create(create);
            case QOM.AlterType alter -> alter(alter);
            case QOM.DropType drop -> drop.$types().forEach(t -> drop(t.getName(), drop.$ifExists()));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The enum type a column type name (as jOOQ read it, perhaps schema-qualified) refers to. */
    Optional<EnumType> of(String columnTypeName) {
        String name = columnTypeName.substring(columnTypeName.lastIndexOf('.') + 1);
        return Optional.ofNullable(types.get(name));
    }

    List<EnumType> all() {
        return List.copyOf(types.values());
    }

    private void create(QOM.CreateType create) {
        String name = create.$type().getName();
        if (!create.$attributes().isEmpty() || create.$values().isEmpty()) {
            throw refused("type " + name + " is a composite type; Slipway carries enum types only" + " (create type "
                    + name + " as enum ('a', 'b')). Use a table, or columns of their own.");
        }
        if (types.containsKey(name)) {
            if (create.$ifNotExists()) return;
            throw refused("type " + name + " is declared twice. Declare it once.");
        }
        List<String> values = new ArrayList<>();
        for (Field<String> value : create.$values()) values.add(label(name, value, values));
        types.put(name, new EnumType(name, values));
    }

    private void alter(QOM.AlterType alter) {
        String name = alter.$type().getName();
        EnumType type = types.get(name);
        if (type == null) {
            if (alter.$ifExists()) return;
            throw refused("ALTER TYPE " + name + ": there is no enum type " + name + ". Declare it first.");
        }
        if (alter.$addValue() == null) {
            throw refused("ALTER TYPE " + name + " other than ADD VALUE (rename, set schema) is not followed by"
                    + " Slipway. Write the enum type as it should end up.");
        }
        List<String> values = new ArrayList<>(type.values());
        String label = label(name, alter.$addValue(), values);
        values.add(label);
        types.put(name, new EnumType(name, values));
    }

    private void drop(String name, boolean ifExists) {
        if (types.remove(name) == null && !ifExists) {
            throw refused("DROP TYPE " + name + ": there is no enum type " + name + ".");
        }
    }

    /**
     * One label, checked against what both engines keep: MySQL strips trailing spaces from an enum value, and a
     * label may appear once.
     */
    private static String label(String type, Field<String> field, List<String> before) {
        if (!(field instanceof Param<?> param) || !(param.getValue() instanceof String label)) {
            throw refused("type " + type + ": the value " + field + " is not a string literal. Write 'value'.");
        }
        if (!label.equals(label.stripTrailing())) {
            throw refused("type " + type + ": the value '" + label + "' ends in blanks, which MySQL removes from an"
                    + " enum value. Remove them.");
        }
        if (before.contains(label)) throw refused("type " + type + ": the value '" + label + "' appears twice.");
        return label;
    }

    private static SchemaException refused(String message) {
        return new SchemaException(SchemaErrorCode.UNSUPPORTED, message);
    }
}
