package dev.slipway.schema.internal.postgresql;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.internal.SourceLines;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.DefaultValue;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;

/**
 * Defaults that one engine would refuse: a boolean default written as a number (MySQL's spelling: PostgreSQL refuses
 * {@code boolean default 0}). Refused when schema.sql is read, with the line and the spelling both engines take.
 */
public final class DefaultRules {

    private DefaultRules() {}

    public static void check(Schema schema, String origin, String sql) {
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                if (column.type().kind() != ColumnType.Kind.BOOLEAN) continue;
                if (column.defaultValue().orElse(null) instanceof DefaultValue.Literal literal
                        && literal.sql().strip().matches("'?-?\\d+'?")) {
                    int line = SourceLines.line(sql, table.name(), column.name());
                    throw new SchemaException(
                            SchemaErrorCode.UNSUPPORTED,
                            origin + (line > 0 ? ":" + line : "") + ": " + table.name() + "." + column.name()
                                    + ": boolean default " + literal.sql() + " is MySQL's spelling; PostgreSQL"
                                    + " refuses a number for a boolean. Write default "
                                    + (literal.sql().replace("'", "").equals("0") ? "false" : "true") + ".");
                }
            }
        }
    }
}
