package dev.slipway.schema.internal;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Schema;
import java.util.List;
import java.util.Optional;

/**
 * Slipway once wrote MySQL text columns without a collation, so they compared as the server's default says (on
 * Aurora MySQL 3, {@code utf8mb4_0900_ai_ci}: 'ADA@example.com' equals 'ada@example.com', unlike on PostgreSQL). It
 * now names {@link MysqlDdl#TEXT_COLLATION} (and {@link MysqlDdl#UUID_COLLATION} for uuids) on every such column.
 * This finds the columns the MySQL scripts still declare without it and writes the {@code MODIFY COLUMN} that sets
 * it. Going to a binary collation cannot make two stored values collide, so no unique key can fail on the way.
 */
public final class LegacyMysqlCollations {

    private LegacyMysqlCollations() {}

    /** The text and uuid columns of {@code desired} whose MySQL declaration lacks the collation Slipway writes. */
    public static List<SchemaChange.AlterColumn> find(List<DdlInterpreter.Source> mysqlScripts, Schema desired) {
        return MysqlDeclaredTypes.columnsDeclared(
                mysqlScripts,
                desired,
                (column, declared) -> collation(column.type())
                        .filter(wanted -> !wanted.equals(declared.collation()))
                        .isPresent());
    }

    /** The MySQL statements that give {@code columns} their collation, each column otherwise as declared. */
    public static List<String> convert(List<SchemaChange.AlterColumn> columns) {
        MysqlDdl mysql = new MysqlDdl();
        return columns.stream()
                .map(c -> mysql.alter(c.table()) + " modify column " + mysql.column(c.to()))
                .toList();
    }

    private static Optional<String> collation(ColumnType type) {
        return switch (type.kind()) {
            case CHAR, VARCHAR, TEXT -> Optional.of(MysqlDdl.TEXT_COLLATION);
            case UUID -> Optional.of(MysqlDdl.UUID_COLLATION);
            default -> Optional.empty();
        };
    }
}
