package dev.slipway.schema.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole database schema: what {@code schema.sql} describes, or what a series of migrations produces.
 *
 * @param tables the tables
 * @param enums the enum types declared ({@code create type ... as enum}), used by a column or not
 */
public record Schema(List<Table> tables, List<EnumType> enums) {

    public static final Schema EMPTY = new Schema(List.of(), List.of());

    public Schema(List<Table> tables) {
        this(tables, List.of());
    }

    public Schema {
        tables = List.copyOf(tables);
        enums = List.copyOf(enums);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
