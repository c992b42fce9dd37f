package dev.slipway.migrate.internal.mysql;

import dev.slipway.migrate.SchemaPull;
import dev.slipway.migrate.internal.CatalogQueries;
import dev.slipway.migrate.internal.EngineBehaviour;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MySQL and MariaDB: GET_LOCK named after the database (Flyway locks only per migration there), DDL that cannot be
 * rolled back, and an index of its own behind each foreign key that has no declared one.
 */
public final class MysqlBehaviour implements EngineBehaviour {

    public static final MysqlBehaviour INSTANCE = new MysqlBehaviour();

    private static final int MAX_LOCK_NAME = 64;

    private MysqlBehaviour() {}

    @Override
    public String schema(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public Lock lock(Connection connection, Duration timeout) throws SQLException {
        String name = "slipway_deploy_" + connection.getCatalog();
        String lockName = name.length() > MAX_LOCK_NAME ? name.substring(0, MAX_LOCK_NAME) : name;
        try (PreparedStatement s = connection.prepareStatement("select get_lock(?, ?)")) {
            s.setString(1, lockName);
            s.setLong(2, Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("Another deploy held the lock " + lockName + " for more than "
                            + timeout.toSeconds() + " s (as long as this deploy could wait). Check for a stuck deploy"
                            + " (SHOW PROCESSLIST) and retry.");
                }
            }
        }
        return () -> {
            try (PreparedStatement s = connection.prepareStatement("select release_lock(?)")) {
                s.setString(1, lockName);
                s.execute();
            }
        };
    }

    @Override
    public String dropDatabase(String name) {
        return "drop database if exists " + name;
    }

    @Override
    public String afterAFailedMigration() {
        return "MySQL cannot roll back DDL, so statements before the error may be applied: undo them by hand (or make"
                + " the script re-runnable), fix the file, run 'slipway migrate repair', then deploy again.";
    }

    @Override
    public boolean rollsBackDdl() {
        return false;
    }

    @Override
    public String afterALostConnection(String script, java.util.List<String> completed) {
        String applied = completed.isEmpty()
                ? "Any of its statements before the one that was running may be applied (MySQL cannot roll back DDL),"
                        + " although the history does not list " + script + "."
                : "MySQL cannot roll back DDL: these statements of it completed and stay applied, although the"
                        + " history does not list " + script + ":\n    "
                        + String.join(
                                ";\n    ",
                                completed.stream()
                                        .map(MysqlBehaviour::withoutSemicolon)
                                        .toList()) + ";";
        return applied + "\nBefore deploying again, undo those statements by hand (e.g. drop what they created), or"
                + " make " + script + " re-runnable (create ... if not exists); then deploy again.";
    }

    private static String withoutSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    @Override
    public boolean isForeignKeyIndex(String index, Set<String> foreignKeysOfTheTable) {
        return foreignKeysOfTheTable.contains(index);
    }

    @Override
    public java.util.Map<String, String> columnCollations(Connection connection, String schema) throws SQLException {
        return CatalogQueries.pairs(
                connection,
                "select concat(table_name, '.', column_name), collation_name from information_schema.columns"
                        + " where table_schema = ? and collation_name is not null",
                schema);
    }

    @Override
    public SchemaPull.Catalog catalog(Connection c, String schema) throws SQLException {
        boolean mariadb = c.getMetaData()
                .getDatabaseProductVersion()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("mariadb");
        List<String> notCarried = new ArrayList<>();
        String ddl = MysqlCatalogDdl.ddl(c, schema, mariadb, notCarried);
        notCarried.addAll(MysqlCatalogDdl.notCarried(c, schema));
        return new SchemaPull.Catalog(ddl, List.copyOf(notCarried));
    }
}
