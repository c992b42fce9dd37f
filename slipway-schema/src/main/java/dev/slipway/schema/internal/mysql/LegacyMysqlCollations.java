package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.Schema;
import dev.slipway.schema.model.Table;
import java.util.ArrayList;
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

    /**
     * The MySQL statements that give {@code columns} their collation, each column otherwise as declared. MySQL
     * refuses to change a column a foreign key uses (1833, also with foreign_key_checks off), so the foreign keys
     * of {@code desired} on those columns are dropped first and added again after, as they were.
     */
    public static List<String> convert(List<SchemaChange.AlterColumn> columns, Schema desired) {
        if (columns.isEmpty()) return List.of();
        MysqlDdl mysql = new MysqlDdl();
        java.util.Set<String> changed = new java.util.HashSet<>();
        columns.forEach(c -> changed.add(c.table() + "." + c.to().name()));
        List<String> dropped = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        for (Table table : desired.tables()) {
            for (Constraint.ForeignKey fk : table.foreignKeys()) {
                boolean uses = fk.columns().stream().anyMatch(c -> changed.contains(table.name() + "." + c))
                        || fk.referencedColumns().stream()
                                .anyMatch(c -> changed.contains(fk.referencedTable() + "." + c));
                if (!uses) continue;
                dropped.addAll(mysql.render(new SchemaChange.DropConstraint(table.name(), fk)));
                restored.addAll(mysql.render(new SchemaChange.AddConstraint(table.name(), fk)));
            }
        }
        List<String> statements = new ArrayList<>(dropped);
        columns.forEach(c -> statements.add(mysql.alter(c.table()) + " modify column " + mysql.column(c.to())));
        statements.addAll(restored);
        return statements;
    }

    private static Optional<String> collation(ColumnType type) {
        return switch (type.kind()) {
            case CHAR, VARCHAR, TEXT -> Optional.of(MysqlDdl.TEXT_COLLATION);
            case UUID -> Optional.of(MysqlDdl.UUID_COLLATION);
            default -> Optional.empty();
        };
    }
}
