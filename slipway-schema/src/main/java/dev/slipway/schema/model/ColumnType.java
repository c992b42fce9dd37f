package dev.slipway.schema.model;

import java.util.Locale;

/**
 * An engine-neutral column type. Each kind renders to one type per engine; see the README's type table.
 *
 * @param kind the family of the type
 * @param length the length for {@code VARCHAR}/{@code CHAR} ({@link #UNSPECIFIED}: PostgreSQL's unbounded
 *     {@code varchar}), the precision for {@code DECIMAL}, the
 *     fractional-second precision for {@code TIME}/{@code TIMESTAMP}/{@code TIMESTAMPTZ} (0-6, or
 *     {@link #UNSPECIFIED}: written without one, which PostgreSQL keeps apart from an explicit 6), else 0
 * @param scale the scale for {@code DECIMAL}, else 0
 * @param enumType the values of an {@code ENUM}, else null
 * @param byteOrder text declared {@code collate "C"} (MySQL: {@code utf8mb4_bin}): compared and sorted by code
 *     point on both engines; else PostgreSQL's default collation, which compares the same but sorts by language
 * @param element the type of an {@code ARRAY}'s elements (PostgreSQL only), else null
 */
public record ColumnType(Kind kind, int length, int scale, EnumType enumType, boolean byteOrder, ColumnType element) {

    public ColumnType(Kind kind, int length, int scale) {
        this(kind, length, scale, null, false, null);
    }

    public ColumnType(Kind kind, int length, int scale, EnumType enumType) {
        this(kind, length, scale, enumType, false, null);
    }

    public ColumnType(Kind kind, int length, int scale, EnumType enumType, boolean byteOrder) {
        this(kind, length, scale, enumType, byteOrder, null);
    }

    /** An array of {@code element} (PostgreSQL's {@code text[]}; a PostgreSQL-only project). */
    public static ColumnType arrayOf(ColumnType element) {
        return new ColumnType(Kind.ARRAY, 0, 0, null, false, element);
    }

    /** This text type declared {@code collate "C"}. */
    public ColumnType inByteOrder() {
        if (kind != Kind.CHAR && kind != Kind.VARCHAR && kind != Kind.TEXT) {
            throw new IllegalArgumentException(kind + " has no collation");
        }
        return new ColumnType(kind, length, scale, enumType, true);
    }

    /** A column of the enum type {@code type}. */
    public static ColumnType enumOf(EnumType type) {
        return new ColumnType(Kind.ENUM, 0, 0, type);
    }

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
        BYTES,
        ENUM,
        ARRAY,
        /** PostgreSQL's case-insensitive text (the citext extension); a PostgreSQL-only project. */
        CITEXT
    }

    /** Microseconds, PostgreSQL's default and the most both engines keep. */
    public static final int MAX_FRACTIONAL_SECONDS = 6;

    /** A time or timestamp written without a precision: microseconds, but not the same declaration as (6). */
    public static final int UNSPECIFIED = -1;

    /** The type of {@code kind} with its default length: a time or timestamp without a written precision. */
    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, isTemporal(kind) ? UNSPECIFIED : 0, 0);
    }

    /** A time or timestamp with {@code precision} fractional-second digits (0-6, or {@link #UNSPECIFIED}). */
    public static ColumnType temporal(Kind kind, int precision) {
        if (!isTemporal(kind)) throw new IllegalArgumentException(kind + " has no fractional seconds");
        return new ColumnType(kind, precision, 0);
    }

    /** Whether the kind has fractional seconds: {@code TIME}, {@code TIMESTAMP}, {@code TIMESTAMPTZ}. */
    public static boolean isTemporal(Kind kind) {
        return kind == Kind.TIME || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ;
    }

    /** The fractional-second digits a time or timestamp keeps (6 when none was written). */
    public int fractionalSeconds() {
        return length == UNSPECIFIED ? MAX_FRACTIONAL_SECONDS : length;
    }

    public boolean isInteger() {
        return kind == Kind.SMALLINT || kind == Kind.INTEGER || kind == Kind.BIGINT;
    }

    /** Whether every value of {@code this} type fits in {@code wider} without loss. */
    public boolean widensTo(ColumnType wider) {
        if (equals(wider)) return true;
        if (byteOrder || wider.byteOrder) { // a collation changes order, not what a value can hold
            return new ColumnType(kind, length, scale, enumType)
                    .widensTo(new ColumnType(wider.kind, wider.length, wider.scale, wider.enumType));
        }
        if (kind == Kind.ENUM && wider.kind == Kind.ENUM) {
            return enumType.name().equals(wider.enumType.name())
                    && wider.enumType.values().containsAll(enumType.values());
        }
        if (isInteger() && wider.isInteger()) return kind.ordinal() <= wider.kind.ordinal();
        if (isInteger() && wider.kind == Kind.DECIMAL) return true;
        if (kind == Kind.REAL && wider.kind == Kind.DOUBLE) return true;
        if (kind == Kind.DECIMAL && wider.kind == Kind.DECIMAL) {
            return wider.scale >= scale && wider.length - wider.scale >= length - scale;
        }
        boolean textual = kind == Kind.VARCHAR || kind == Kind.CHAR;
        if (textual && wider.kind == Kind.TEXT) return true;
        if (textual && wider.kind == Kind.VARCHAR) return wider.length == UNSPECIFIED || wider.length >= length;
        if (kind == Kind.CHAR && wider.kind == Kind.CHAR) return wider.length >= length;
        boolean finer = isTemporal(kind) && wider.fractionalSeconds() >= fractionalSeconds();
        if (kind == wider.kind && finer) return true;
        return kind == Kind.TIMESTAMP && wider.kind == Kind.TIMESTAMPTZ && finer;
    }

    @Override
    public String toString() {
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (byteOrder) return new ColumnType(kind, length, scale, enumType) + " collate \"C\"";
        if (kind == Kind.ARRAY) return element + "[]";
        return switch (kind) {
            case CHAR -> name + "(" + length + ")";
            case VARCHAR -> length == UNSPECIFIED ? name : name + "(" + length + ")";
            case DECIMAL -> name + "(" + length + "," + scale + ")";
            case TIME, TIMESTAMP, TIMESTAMPTZ -> length == UNSPECIFIED ? name : name + "(" + length + ")";
            case ENUM -> enumType.name() + " " + enumType.values();
            default -> name;
        };
    }
}
