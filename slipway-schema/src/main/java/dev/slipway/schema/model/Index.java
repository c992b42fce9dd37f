package dev.slipway.schema.model;

import java.util.List;

/**
 * A secondary index.
 *
 * @param name deterministic name ({@code ix_<table>_<columns>} unless given)
 * @param columns the indexed columns, each optionally followed by {@code " desc"}
 * @param unique whether it is a unique index
 */
public record Index(String name, List<String> columns, boolean unique) {}
