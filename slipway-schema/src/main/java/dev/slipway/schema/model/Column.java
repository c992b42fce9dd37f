package dev.slipway.schema.model;

import java.util.Optional;

/**
 * A column of the desired schema.
 *
 * @param name lower-case name
 * @param type engine-neutral type
 * @param nullable whether NULL is allowed
 * @param identity whether the value is generated (PostgreSQL identity, MySQL auto_increment)
 * @param defaultValue the default expression, engine-neutral, when there is one
 */
public record Column(
        String name, ColumnType type, boolean nullable, boolean identity, Optional<DefaultValue> defaultValue) {}
