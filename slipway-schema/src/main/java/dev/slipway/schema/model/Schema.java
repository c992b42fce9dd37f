package dev.slipway.schema.model;

import java.util.List;
import java.util.Optional;

/**
 * A whole database schema: what {@code schema.sql} describes, or what a series of migrations produces.
 *
 * @param tables the tables
 * @param enums the enum types declared ({@code create type ... as enum}), used by a column or not
 * @param extensions the PostgreSQL extensions created ({@code create extension}; schema.sql of a PostgreSQL-only
 *     project, or a PostgreSQL migration written by hand)
 */
public record Schema(List<Table> tables, List<EnumType> enums, List<String> extensions) {

    public static final Schema EMPTY = new Schema(List.of(), List.of(), List.of());

    public Schema(List<Table> tables) {
        this(tables, List.of(), List.of());
    }

    public Schema(List<Table> tables, List<EnumType> enums) {
        this(tables, enums, List.of());
    }

    public Schema {
        tables = List.copyOf(tables);
        enums = List.copyOf(enums);
        extensions = List.copyOf(extensions);
    }

    /** This schema with the extensions the scripts created. */
    public Schema withExtensions(List<String> created) {
        return new Schema(tables, enums, created);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
