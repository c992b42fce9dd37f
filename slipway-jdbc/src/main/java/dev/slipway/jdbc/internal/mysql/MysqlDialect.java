package dev.slipway.jdbc.internal.mysql;

import dev.slipway.core.Engine;
import dev.slipway.jdbc.internal.CatalogQueries;
import dev.slipway.jdbc.internal.Placeholders;
import dev.slipway.jdbc.internal.ServerDialect;
import java.sql.Connection;
import java.sql.SQLException;

/** MySQL and MariaDB behind the Data API, described as MariaDB Connector/J describes them. */
public final class MysqlDialect implements ServerDialect {

    public static final MysqlDialect INSTANCE = new MysqlDialect();

    private MysqlDialect() {}

    @Override
    public Engine engine() {
        return Engine.MYSQL;
    }

    @Override
    public Placeholders placeholders(String sql) {
        return Placeholders.rewrite(sql, true);
    }

    @Override
    public boolean keysInGeneratedFields() {
        return true;
    }

    @Override
    public boolean refusesTransaction(String sql) {
        return false;
    }

    @Override
    public CatalogQueries catalog(Connection connection) throws SQLException {
        return new MysqlCatalog(connection);
    }

    @Override
    public String productName(String version) {
        return isMariaDb(version) ? "MariaDB" : "MySQL";
    }

    @Override
    public String productVersion(String version) {
        return version;
    }

    /** MariaDB Connector/J reports {@code jdbc:mariadb:} for a MariaDB server. */
    @Override
    public String urlEngine(String version) {
        return isMariaDb(version) ? "mariadb" : "mysql";
    }

    private static boolean isMariaDb(String version) {
        return version.contains("MariaDB");
    }

    @Override
    public String identifierQuote() {
        return "`";
    }

    @Override
    public boolean namespacesAreSchemas() {
        return false;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean nullsSortHigh() {
        return false;
    }

    @Override
    public boolean fullOuterJoins() {
        return false;
    }

    @Override
    public int defaultTransactionIsolation() {
        return Connection.TRANSACTION_REPEATABLE_READ;
    }
}
