package dev.slipway.schema.model;

import java.util.List;

/**
 * A secondary index.
 *
 * @param name deterministic name ({@code ix_<table>_<columns>} unless given)
 * @param columns the indexed columns, each optionally followed by {@code " desc"}
 * @param unique whether it is a unique index
 * @param where the condition of a partial index, in jOOQ's neutral SQL (PostgreSQL only), else null
 */
public record Index(String name, List<String> columns, boolean unique, String where) {

    public Index(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, null);
    }

    public boolean partial() {
        return where != null;
    }
}
