package dev.slipway.schema.model;

import java.util.List;
import java.util.Optional;

/** A whole database schema: what {@code schema.sql} describes, or what a series of migrations produces. */
public record Schema(List<Table> tables) {

    public static final Schema EMPTY = new Schema(List.of());

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
