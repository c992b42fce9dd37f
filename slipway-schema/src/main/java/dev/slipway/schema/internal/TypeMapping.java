package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.ColumnType.Kind;
import dev.slipway.schema.model.EnumType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.SQLDialect;

/**
 * Maps a type as jOOQ parsed it to Slipway's engine-neutral {@link ColumnType}. Whatever would not arrive
 * unchanged on both engines is refused with the fix, never mapped to something near it.
 */
final class TypeMapping {

    static final String SUPPORTED = "smallint, integer, bigint, numeric(p,s), real, double precision, boolean,"
            + " char(n), varchar(n), text, date, time, timestamp, timestamp with time zone, uuid, json, jsonb, bytea,"
            + " or an enum type (create type name as enum ('a', 'b'))";

    private static final Pattern EXPLICIT_PRECISION = Pattern.compile("^(timestamp|time)\\s*\\((\\d+)\\).*");

    private TypeMapping() {}

    /**
     * @param scriptDialect the dialect of the SQL being read: {@code schema.sql} and PostgreSQL migrations are
     *     POSTGRES; MySQL migrations spell microsecond times {@code datetime(6)} and {@code time(6)}
     */
    static ColumnType map(DataType<?> type, String where, SQLDialect scriptDialect) {
        if (type.isArray()) {
            DataType<?> element = type.getArrayComponentDataType();
            if (element == null || element.isArray()) {
                throw unsupported(where, "type '" + postgresName(type) + "': an array of arrays is not carried.");
            }
            // PostgreSQL's; PortabilityRules refuses it where MySQL is one of the project's engines
            return ColumnType.arrayOf(map(element, where, scriptDialect));
        }
        Class<?> java = type.getType();
        String name = type.getTypeName().toLowerCase(Locale.ROOT);
        refuseWhatWouldBeChanged(type, name, where, scriptDialect);
        if (org.jooq.EnumType.class.isAssignableFrom(java)) {
            // a MySQL migration's inline enum: the values, without the name only PostgreSQL keeps
            return ColumnType.enumOf(new EnumType("", enumLabels(type)));
        }
        if (name.equals("float4")) return ColumnType.of(Kind.REAL);
        if (name.equals("float8")) return ColumnType.of(Kind.DOUBLE);
        if (java == Short.class || java == Byte.class) return ColumnType.of(Kind.SMALLINT);
        if (java == Integer.class) return ColumnType.of(Kind.INTEGER);
        if (java == Long.class) return ColumnType.of(Kind.BIGINT);
        if (java == BigInteger.class) return new ColumnType(Kind.DECIMAL, 38, 0);
        if (java == BigDecimal.class) return decimal(type, where);
        if (java == Float.class) return ColumnType.of(Kind.REAL);
        if (java == Double.class) return ColumnType.of(Kind.DOUBLE);
        if (java == Boolean.class) return ColumnType.of(Kind.BOOLEAN);
        if (java == String.class) return text(type, name, where, scriptDialect);
        if (java == LocalDate.class || java == java.sql.Date.class) return ColumnType.of(Kind.DATE);
        if (java == LocalTime.class || java == java.sql.Time.class) return time(type, Kind.TIME, where, scriptDialect);
        if (java == LocalDateTime.class || java == java.sql.Timestamp.class) {
            return time(type, Kind.TIMESTAMP, where, scriptDialect);
        }
        if (java == OffsetDateTime.class || java == Instant.class) {
            return time(type, Kind.TIMESTAMPTZ, where, scriptDialect);
        }
        if (java == UUID.class) return ColumnType.of(Kind.UUID);
        if (java == JSON.class) return ColumnType.of(Kind.JSON);
        if (java == JSONB.class) return ColumnType.of(Kind.JSONB);
        if (java == byte[].class) return ColumnType.of(Kind.BYTES);
        throw unsupported(
                where,
                "type '" + postgresName(type) + "' cannot be carried to both PostgreSQL and MySQL." + " Use one of: "
                        + SUPPORTED + ".");
    }

    /**
     * Types jOOQ reads into one Slipway would otherwise carry as something else, without a word: a declared
     * collation (dropped), a bounded binary (widened to bytea), MySQL's unsigned integers and enums (named wrongly).
     */
    private static void refuseWhatWouldBeChanged(DataType<?> type, String name, String where, SQLDialect dialect) {
        if (type.collation() != null && dialect.family() != SQLDialect.MYSQL && !byteOrder(type)) {
            throw unsupported(
                    where,
                    "collate " + type.collation().getName() + " is not carried: Slipway's text compares byte for"
                            + " byte on both engines (PostgreSQL's default deterministic collation; utf8mb4_bin on"
                            + " MySQL). Remove the COLLATE clause, or write collate \"C\" (utf8mb4_bin) to also"
                            + " sort by code point on both. A case-insensitive collation has no equivalent on both:"
                            + " store lower-cased values.");
        }
        if (type.getType() == Byte.class && dialect.family() != SQLDialect.MYSQL) {
            throw unsupported(
                    where,
                    "tinyint is MySQL's (tinyint(1) is its boolean). Write boolean if it holds true/false, else"
                            + " smallint; both engines hold either.");
        }
        if (name.equals("binary") || name.equals("varbinary")) {
            throw unsupported(
                    where,
                    "'" + name + "(" + type.length() + ")' has no PostgreSQL type of that size; bytea (longblob on"
                            + " MySQL) would take any length. Write bytea, or uuid for a 16-byte identifier.");
        }
        if (org.jooq.types.Unsigned.class.getPackageName().equals(type.getType().getPackageName())) {
            throw unsupported(
                    where,
                    "MySQL's unsigned integers have no PostgreSQL type. Write the next wider signed type (int"
                            + " unsigned: bigint) with a check (... >= 0), or the same signed type if the values stay"
                            + " below its limit.");
        }
        boolean inlineEnum = org.jooq.EnumType.class.isAssignableFrom(type.getType());
        if (inlineEnum && dialect.family() != SQLDialect.MYSQL) {
            String typeName = where.replace('.', '_');
            throw unsupported(
                    where,
                    "an inline enum(...) is MySQL's spelling, and PostgreSQL's enum needs a name. Declare the type"
                            + " once, above the table: create type " + typeName + " as enum ("
                            + String.join(
                                    ", ",
                                    enumLabels(type).stream()
                                            .map(l -> "'" + l.replace("'", "''") + "'")
                                            .toList())
                            + "); and write the column's type as " + typeName
                            + " (PostgreSQL gets the type, MySQL this enum(...)).");
        }
        if (!inlineEnum && (name.isBlank() || name.equals("enum"))) {
            throw unsupported(where, "type '" + name + "' cannot be carried. Use one of: " + SUPPORTED + ".");
        }
    }

    private static java.util.List<String> enumLabels(DataType<?> type) {
        return java.util.Arrays.stream(type.getType().getEnumConstants())
                .map(c -> ((org.jooq.EnumType) c).getLiteral())
                .toList();
    }

    /** The type as PostgreSQL spells it ({@code text[]}, not jOOQ's own {@code clob array}). */
    private static String postgresName(DataType<?> type) {
        try {
            String name =
                    type.getCastTypeName(Jooq.rendering(SQLDialect.POSTGRES).configuration());
            return name.isBlank() ? type.getTypeName() : name;
        } catch (RuntimeException e) {
            return type.getCastTypeName();
        }
    }

    private static ColumnType decimal(DataType<?> type, String where) {
        if (!type.hasPrecision() || type.precision() == 0) {
            throw unsupported(
                    where,
                    "numeric without a precision means different things on PostgreSQL (unbounded) and"
                            + " MySQL (decimal(10,0)). Write it as numeric(p,s), e.g. numeric(12,2).");
        }
        return new ColumnType(Kind.DECIMAL, type.precision(), type.hasScale() ? type.scale() : 0);
    }

    /**
     * PostgreSQL's {@code "C"} (or {@code POSIX}) and MySQL's {@code utf8mb4_bin}: compare and sort by code point,
     * the same on both engines. (In MySQL scripts every text column says utf8mb4_bin; there it means nothing more.)
     */
    private static boolean byteOrder(DataType<?> type) {
        String collation =
                type.collation() == null ? "" : type.collation().getName().replace("\"", "");
        return collation.equals("C")
                || collation.equalsIgnoreCase("POSIX")
                || collation.equalsIgnoreCase("utf8mb4_bin");
    }

    private static ColumnType text(DataType<?> type, String name, String where, SQLDialect dialect) {
        ColumnType text = textType(type, name, where);
        return dialect.family() != SQLDialect.MYSQL && byteOrder(type) ? text.inByteOrder() : text;
    }

    private static ColumnType textType(DataType<?> type, String name, String where) {
        boolean bounded = type.hasLength() && type.length() > 0;
        int sqlType = type.getSQLType();
        boolean fixed = name.equals("char") || name.equals("character") || name.equals("nchar");
        if (fixed) return new ColumnType(Kind.CHAR, bounded ? type.length() : 1, 0); // char is char(1) on both
        if (sqlType == Types.CLOB || sqlType == Types.LONGVARCHAR || sqlType == Types.LONGNVARCHAR) {
            return ColumnType.of(Kind.TEXT);
        }
        if (name.equals("clob") || name.equals("text") || name.equals("longtext")) return ColumnType.of(Kind.TEXT);
        // unbounded: PostgreSQL's; PortabilityRules refuses it where MySQL is one of the project's engines
        if (!bounded) return new ColumnType(Kind.VARCHAR, ColumnType.UNSPECIFIED, 0);
        return new ColumnType(Kind.VARCHAR, type.length(), 0);
    }

    /**
     * A time or timestamp with its fractional-second precision, as written (jOOQ reports 0 both for none and for an
     * explicit 0, so the spelling decides); without one it is PostgreSQL's unspecified (6), or MySQL's 0 in MySQL
     * scripts.
     */
    private static ColumnType time(DataType<?> type, Kind kind, String where, SQLDialect scriptDialect) {
        java.util.regex.Matcher explicit =
                EXPLICIT_PRECISION.matcher(type.getCastTypeName().toLowerCase(Locale.ROOT));
        int precision = explicit.matches()
                ? Integer.parseInt(explicit.group(2))
                : scriptDialect.family() == SQLDialect.MYSQL ? 0 : ColumnType.UNSPECIFIED;
        if (precision > ColumnType.MAX_FRACTIONAL_SECONDS) {
            throw unsupported(
                    where,
                    "'" + type.getCastTypeName() + "' asks for more than 6 fractional-second digits, which neither"
                            + " engine keeps. Write a precision from 0 to 6, e.g. timestamp(6).");
        }
        return ColumnType.temporal(kind, precision);
    }

    private static SchemaException unsupported(String where, String message) {
        return new SchemaException(SchemaErrorCode.UNSUPPORTED, where + ": " + message);
    }
}
