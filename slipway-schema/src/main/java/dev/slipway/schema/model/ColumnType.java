package dev.slipway.schema.model;

import java.util.Locale;

/**
 * An engine-neutral column type. Each kind renders to one type per engine; see the README's type table.
 *
 * @param kind the family of the type
 * @param length the length for {@code VARCHAR}/{@code CHAR}, the precision for {@code DECIMAL}, else 0
 * @param scale the scale for {@code DECIMAL}, else 0
 */
public record ColumnType(Kind kind, int length, int scale) {

    /** The supported families of types. */
    public enum Kind {
        SMALLINT,
        INTEGER,
        BIGINT,
        DECIMAL,
        REAL,
        DOUBLE,
        BOOLEAN,
        CHAR,
        VARCHAR,
        TEXT,
        DATE,
        TIME,
        TIMESTAMP,
        TIMESTAMPTZ,
        UUID,
        JSON,
        JSONB,
        BYTES
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, 0, 0);
    }

    public boolean isInteger() {
        return kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    /** Whether every value of {@code this} type fits in {@code wider} without loss. */
    public boolean widensTo(ColumnType wider) {
        if (equals(wider)) return true;
        if (isInteger() && wider.isInteger()) return kind.ordinal() <= wider.kind.ordinal();
        if (isInteger() && wider.kind == Kind.DECIMAL) return true;
        if (kind == Kind.REAL && wider.kind == Kind.DOUBLE) return true;
        if (kind == Kind.DECIMAL && wider.kind == Kind.DECIMAL) {
            return wider.scale >= scale && wider.length - wider.scale >= length - scale;
        }
        boolean textual = kind == Kind.VARCHAR || kind == Kind.CHAR;
        if (textual && wider.kind == Kind.TEXT) return true;
        if (textual && wider.kind == Kind.VARCHAR) return wider.length >= length;
        if (kind == Kind.CHAR && wider.kind == Kind.CHAR) return wider.length >= length;
        return kind == Kind.TIMESTAMP && wider.kind == Kind.TIMESTAMPTZ;
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case CHAR, VARCHAR -> name + "(" + length + ")";
            case DECIMAL -> name + "(" + length + "," + scale + ")";
            default -> name;
        };
    }
}
