package dev.slipway.schema.model;

import java.util.Optional;

/**
 * A column of the desired schema.
 *
 * @param name lower-case name
 * @param type engine-neutral type
 * @param nullable whether NULL is allowed
 * @param identity whether and how the value is generated (PostgreSQL identity, MySQL auto_increment)
 * @param defaultValue the default expression, engine-neutral, when there is one
 */
public record Column(
        String name, ColumnType type, boolean nullable, Identity identity, Optional<DefaultValue> defaultValue) {

    /**
     * How a column generates its values. MySQL's {@code auto_increment} is {@code BY_DEFAULT}: it cannot refuse an
     * explicit value the way PostgreSQL's {@code GENERATED ALWAYS} does.
     */
    public enum Identity {
        NONE,
        BY_DEFAULT,
        ALWAYS
    }

    /** Whether the database generates the value (either identity mode). */
    public boolean generated() {
        return identity != Identity.NONE;
    }
}
