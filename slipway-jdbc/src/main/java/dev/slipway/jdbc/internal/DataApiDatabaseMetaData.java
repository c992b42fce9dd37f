package dev.slipway.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tools ask a connection before they talk to it: the engine behind the Data API (so jOOQ picks its dialect
 * and Flyway its database type: "PostgreSQL", or "MySQL"/"MariaDB" with the server's version), the driver, and
 * the capabilities that hold over the Data API (batches, generated keys; no savepoints, no cursors).
 */
final class DataApiDatabaseMetaData extends UnsupportedDatabaseMetaData {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private final DataApiConnection connection;

    DataApiDatabaseMetaData(DataApiConnection connection) {
        this.connection = connection;
    }

    private ServerDialect dialect() throws SQLException {
        return connection.dialect();
    }

    private CatalogQueries catalog() throws SQLException {
        return dialect().catalog(connection);
    }

    /** Tables, in JDBC's columns (Flyway asks for its history table this way on MySQL). */
    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return catalog().tables(catalog, schemaPattern, tableNamePattern, types);
    }

    // The catalog methods jOOQ's meta() uses, each engine as its own JDBC driver answers them

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return catalog().catalogs();
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return catalog().schemas(schemaPattern);
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return catalog().columns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return catalog().primaryKeys(catalog, schema, table);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return catalog().importedKeys(catalog, schema, table);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return catalog().indexInfo(catalog, schema, table, unique);
    }

    @Override
    public String getDatabaseProductName() throws SQLException {
        return dialect().productName(connection.serverVersion());
    }

    /** The server's version as its own driver reports it ({@code 15.20}, {@code 10.11.9-MariaDB}, {@code 8.0.36}). */
    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return dialect().productVersion(connection.serverVersion());
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        Matcher m = VERSION.matcher(getDatabaseProductVersion());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        Matcher m = VERSION.matcher(getDatabaseProductVersion());
        return m.find() ? Integer.parseInt(m.group(2)) : 0;
    }

    @Override
    public String getDriverName() {
        return "Slipway Data API JDBC driver";
    }

    @Override
    public String getDriverVersion() {
        return String.valueOf(DataApiDatabaseMetaData.class.getPackage().getImplementationVersion());
    }

    @Override
    public int getDriverMajorVersion() {
        return 0;
    }

    @Override
    public int getDriverMinorVersion() {
        return 1;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() throws SQLException {
        return DriverSettings.namingEngine(connection.url(), connection.urlEngine());
    }

    @Override
    public String getUserName() {
        return null; // the Data API authenticates with the secret, not a user name
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getIdentifierQuoteString() throws SQLException {
        return dialect().identifierQuote();
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getSQLKeywords() {
        return "";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getCatalogTerm() {
        return "database";
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        return dialect().namespacesAreSchemas() ? "schema" : "";
    }

    @Override
    public String getProcedureTerm() {
        return "procedure";
    }

    @Override
    public String getNumericFunctions() {
        return "";
    }

    @Override
    public String getStringFunctions() {
        return "";
    }

    @Override
    public String getSystemFunctions() {
        return "";
    }

    @Override
    public String getTimeDateFunctions() {
        return "";
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        return dialect().storesLowerCaseIdentifiers();
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        return !dialect().storesLowerCaseIdentifiers();
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean supportsTransactions() {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_REPEATABLE_READ;
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        return dialect().defaultTransactionIsolation();
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        return dialect().transactionalDdl();
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        return !dialect().transactionalDdl();
    }

    @Override
    public boolean supportsBatchUpdates() {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys() {
        return true;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public boolean isReadOnly() {
        return connection.isReadOnly();
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        return dialect().nullsSortHigh();
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        return !dialect().nullsSortHigh();
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        return dialect().fullOuterJoins();
    }

    @Override
    public boolean supportsUnion() {
        return true;
    }

    @Override
    public boolean supportsUnionAll() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() {
        return true;
    }

    @Override
    public boolean supportsGroupBy() {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated() {
        return true;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        return dialect().namespacesAreSchemas();
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        return dialect().namespacesAreSchemas();
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        return !dialect().namespacesAreSchemas();
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        return !dialect().namespacesAreSchemas();
    }
}
