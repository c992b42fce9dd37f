package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.internal.SourceLines;
import dev.slipway.schema.internal.TableKeys;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;

/**
 * InnoDB keys hold at most 3,072 bytes (MySQL 8.0 reference, "InnoDB Limits"; MariaDB the same with its DYNAMIC row
 * format), and a varchar counts 4 bytes a character in utf8mb4. PostgreSQL takes much longer keys, so a composite
 * key of two varchar(500) would be written for MySQL and then refused by it. Refused when schema.sql is read.
 */
public final class MysqlKeyLength {

    /** The longest InnoDB index key, in bytes. */
    static final int MAX_KEY_BYTES = 3072;

    private MysqlKeyLength() {}

    public static void check(Schema schema, String origin, String sql) {
        for (Table table : schema.tables()) {
            // a foreign key's columns have its referenced key's types, so a long one is refused with that key first
            for (TableKeys.Key key : TableKeys.of(table)) {
                int bytes = 0;
                for (String name : key.columnNames())
                    bytes += bytes(table.column(name).orElseThrow().type());
                if (bytes <= MAX_KEY_BYTES) continue;
                int line = SourceLines.line(sql, table.name(), key.columnNames().get(0));
                throw new SchemaException(
                        SchemaErrorCode.UNSUPPORTED,
                        origin + (line > 0 ? ":" + line : "") + ": " + table.name() + ": " + key.what() + " ("
                                + String.join(", ", key.columns()) + ") takes " + bytes + " bytes on MySQL, over"
                                + " InnoDB's " + MAX_KEY_BYTES + " (a varchar(n) counts 4n bytes in utf8mb4)."
                                + " Shorten its columns, or key fewer of them.");
            }
        }
    }

    /** The most bytes a value of {@code type} takes in an InnoDB key (MysqlDdl's mapping). */
    static int bytes(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> 2;
            case INTEGER, REAL -> 4;
            case BIGINT, DOUBLE -> 8;
            case BOOLEAN -> 1;
            case DECIMAL -> decimalBytes(type.length() - type.scale()) + decimalBytes(type.scale());
            case CHAR, VARCHAR -> 4 * type.length();
            case DATE -> 3;
            case TIME -> 3 + (type.fractionalSeconds() + 1) / 2;
            case TIMESTAMP, TIMESTAMPTZ -> 5 + (type.fractionalSeconds() + 1) / 2;
            case UUID -> 36;
            case ENUM -> type.enumType().values().size() < 256 ? 1 : 2; // stored as the value's index
            case TEXT, JSON, JSONB, BYTES, ARRAY, CITEXT ->
                0; // not indexable at all: PortabilityRules refuses them in keys
        };
    }

    /** MySQL's packed decimal: 4 bytes per 9 digits, and 0-4 bytes for the digits left over. */
    private static int decimalBytes(int digits) {
        int[] leftover = {0, 1, 1, 2, 2, 3, 3, 4, 4, 4};
        return digits / 9 * 4 + leftover[digits % 9];
    }
}
