package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.ColumnType.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DataType;
import org.jooq.JSON;
import org.jooq.JSONB;

/** Maps a type as jOOQ parsed it to Slipway's engine-neutral {@link ColumnType}. */
final class TypeMapping {

    static final String SUPPORTED = "smallint, integer, bigint, numeric(p,s), real, double precision, boolean,"
            + " char(n), varchar(n), text, date, time, timestamp, timestamp with time zone, uuid, json/jsonb, bytea/blob";

    private TypeMapping() {}

    static ColumnType map(DataType<?> type, String where) {
        Class<?> java = type.getType();
        int sqlType = type.getSQLType();
        if (java == Short.class || java == Byte.class) return ColumnType.of(Kind.SMALLINT);
        if (java == Integer.class) return ColumnType.of(Kind.INTEGER);
        if (java == Long.class) return ColumnType.of(Kind.BIGINT);
        if (java == BigInteger.class) return new ColumnType(Kind.DECIMAL, 38, 0);
        if (java == BigDecimal.class) return decimal(type, where);
        if (java == Float.class) return ColumnType.of(Kind.REAL);
        if (java == Double.class) return ColumnType.of(Kind.DOUBLE);
        if (java == Boolean.class) return ColumnType.of(Kind.BOOLEAN);
        if (java == String.class) return text(type, sqlType);
        if (java == LocalDate.class || java == java.sql.Date.class) return ColumnType.of(Kind.DATE);
        if (java == LocalTime.class || java == java.sql.Time.class) return ColumnType.of(Kind.TIME);
        if (java == LocalDateTime.class || java == java.sql.Timestamp.class) return ColumnType.of(Kind.TIMESTAMP);
        if (java == OffsetDateTime.class || java == Instant.class) return ColumnType.of(Kind.TIMESTAMPTZ);
        if (java == UUID.class) return ColumnType.of(Kind.UUID);
        if (java == JSON.class || java == JSONB.class) return ColumnType.of(Kind.JSON);
        if (java == byte[].class) return ColumnType.of(Kind.BYTES);
        throw new SchemaException(
                SchemaErrorCode.UNSUPPORTED,
                where + ": type '" + type.getCastTypeName() + "' cannot be carried to both PostgreSQL and MySQL."
                        + " Use one of: " + SUPPORTED + ".");
    }

    private static ColumnType decimal(DataType<?> type, String where) {
        if (!type.hasPrecision() || type.precision() == 0) {
            throw new SchemaException(
                    SchemaErrorCode.UNSUPPORTED,
                    where + ": numeric without a precision means different things on PostgreSQL (unbounded) and"
                            + " MySQL (decimal(10,0)). Write it as numeric(p,s), e.g. numeric(12,2).");
        }
        return new ColumnType(Kind.DECIMAL, type.precision(), type.hasScale() ? type.scale() : 0);
    }

    private static ColumnType text(DataType<?> type, int sqlType) {
        boolean bounded = type.hasLength() && type.length() > 0;
        if (sqlType == Types.CLOB || sqlType == Types.LONGVARCHAR || sqlType == Types.LONGNVARCHAR || !bounded) {
            return ColumnType.of(Kind.TEXT);
        }
        Kind kind = sqlType == Types.CHAR || sqlType == Types.NCHAR ? Kind.CHAR : Kind.VARCHAR;
        return new ColumnType(kind, type.length(), 0);
    }
}
