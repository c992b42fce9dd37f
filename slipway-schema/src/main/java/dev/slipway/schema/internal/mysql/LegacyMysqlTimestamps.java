package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * Slipway once mapped {@code timestamp with time zone} to MySQL's {@code TIMESTAMP}, which ends on 2038-01-19. It
 * now maps it to {@code DATETIME(6)} holding UTC. This finds the columns existing MySQL migrations still create as
 * {@code TIMESTAMP} and writes the conversion: with the session at UTC, MySQL turns each stored instant into its
 * UTC date and time, so no value changes meaning.
 */
public final class LegacyMysqlTimestamps {

    private LegacyMysqlTimestamps() {}

    /** The columns of {@code desired} that the MySQL scripts declare as {@code timestamp}. */
    public static List<SchemaChange.AlterColumn> find(List<DdlInterpreter.Source> mysqlScripts, Schema desired) {
        return MysqlDeclaredTypes.columnsDeclared(
                mysqlScripts,
                desired,
                (column, declared) -> column.type().kind() == ColumnType.Kind.TIMESTAMPTZ
                        && declared.type().equals("timestamp"));
    }

    /** The MySQL statements that convert {@code columns} to {@code DATETIME(6)}, keeping every instant. */
    public static List<String> convert(List<SchemaChange.AlterColumn> columns) {
        if (columns.isEmpty()) return List.of();
        MysqlDdl mysql = new MysqlDdl();
        List<String> statements = new ArrayList<>();
        statements.add("set time_zone = '+00:00'");
        for (SchemaChange.AlterColumn column : columns) {
            statements.add(mysql.alter(column.table()) + " modify column " + mysql.column(column.to()));
        }
        return statements;
    }
}
