package dev.slipway.jdbc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A JDBC connection over the Data API. There is no socket to a database: each statement is one HTTP call. With
 * auto-commit on, a statement runs on whichever connection the Data API picks; with it off, the first statement
 * begins a Data API transaction ({@code transactionId}), which {@link #commit} and {@link #rollback} end.
 *
 * <p>With {@code session=pinned}, the connection holds one Data API transaction for its whole life, so session
 * state (locks, {@code SET}) stays on one database connection; auto-commit is then kept by a {@code COMMIT} after
 * each statement, inside that transaction. Migrations use it: Flyway's and Slipway's deploy locks are session
 * locks. An error in a statement ends the Data API transaction (as AWS does), and the session with it.
 */
public final class DataApiConnection extends UnsupportedConnection {

    private final Transport transport;
    private final DriverSettings settings;
    private final String url;
    private String database;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_READ_COMMITTED;
    private String transactionId;
    private ServerDialect dialect;
    private String version;
    private boolean closed;

    DataApiConnection(Transport transport, String url) {
        this.transport = transport;
        this.settings = transport.settings();
        this.url = url;
        this.database = settings.database();
        this.dialect = settings.engine() == null ? null : ServerDialect.of(settings.engine());
    }

    public static DataApiConnection open(DriverSettings settings, String url) throws SQLException {
        DataApiConnection connection = new DataApiConnection(new Transport(settings), url);
        connection.dialect(); // one round trip: the engine and version, and a check the server answers
        return connection;
    }

    /** Runs one statement (or, with {@code parameterSets}, one batch) and returns the Data API's answer. */
    JsonNode execute(String sql, List<ObjectNode> parameters, List<List<ObjectNode>> parameterSets, int timeoutSeconds)
            throws SQLException {
        checkOpen();
        boolean batch = parameterSets != null;
        ObjectNode request = base().put("sql", sql);
        if (batch) {
            ArrayNode sets = request.putArray("parameterSets");
            for (List<ObjectNode> set : parameterSets) sets.addArray().addAll(set);
        } else {
            if (parameters != null && !parameters.isEmpty())
                request.putArray("parameters").addAll(parameters);
            request.put("includeResultMetadata", true);
        }
        if (settings.continueAfterTimeout()) request.put("continueAfterTimeout", true);
        String tx = refusesTransactions(sql) ? null : transactionFor();
        if (tx != null) request.put("transactionId", tx);
        JsonNode answer;
        try {
            // a query timeout bounds the call (the Data API has no per-statement timeout of its own)
            java.time.Duration wait = timeoutSeconds > 0
                            && java.time.Duration.ofSeconds(timeoutSeconds).compareTo(settings.requestTimeout()) < 0
                    ? java.time.Duration.ofSeconds(timeoutSeconds)
                    : settings.requestTimeout();
            answer = transport.call(batch ? "/BatchExecute" : "/Execute", request, tx == null, wait);
        } catch (SQLException e) {
            if (tx != null) transactionId = null; // the Data API ended it
            throw e;
        }
        if (tx != null && settings.pinned() && autoCommit) sqlInTransaction("COMMIT");
        return answer;
    }

    /**
     * PostgreSQL statements that refuse to run in a transaction block (CREATE DATABASE, CREATE INDEX CONCURRENTLY,
     * VACUUM, ...): with auto-commit on they go outside the pinned session's transaction, on a connection of the
     * Data API's choosing, as a migration with {@code executeInTransaction=false} expects.
     */
    private boolean refusesTransactions(String sql) throws SQLException {
        return autoCommit && settings.pinned() && dialect().refusesTransaction(sql);
    }

    /** The transaction a statement runs in now: none in auto-commit (unless pinned); begun on first use. */
    private String transactionFor() throws SQLException {
        if (autoCommit && !settings.pinned()) return null;
        if (transactionId == null) {
            JsonNode begun = transport.call("/BeginTransaction", base(), true);
            transactionId = begun.path("transactionId").asText(null);
            if (transactionId == null) throw new SQLException("BeginTransaction returned no transactionId.", "08006");
        }
        return transactionId;
    }

    private void sqlInTransaction(String sql) throws SQLException {
        ObjectNode request = base().put("sql", sql).put("transactionId", transactionId);
        try {
            transport.call("/Execute", request, false);
        } catch (SQLException e) {
            transactionId = null;
            throw e;
        }
    }

    private void endTransaction(boolean commit) throws SQLException {
        if (transactionId == null) return;
        if (settings.pinned() && !closed) {
            sqlInTransaction(commit ? "COMMIT" : "ROLLBACK"); // the session stays pinned
            return;
        }
        ObjectNode request = base().put("transactionId", transactionId);
        transactionId = null;
        transport.call(commit ? "/CommitTransaction" : "/RollbackTransaction", request, false);
    }

    private ObjectNode base() {
        ObjectNode request = Transport.JSON
                .createObjectNode()
                .put("resourceArn", settings.resourceArn())
                .put("secretArn", settings.secretArn());
        if (database != null) request.put("database", database);
        return request;
    }

    /** The engine's dialect: from the URL, else from the server's version (read once, on opening). */
    ServerDialect dialect() throws SQLException {
        if (dialect == null || version == null) {
            JsonNode answer = transport.call("/Execute", base().put("sql", "select version()"), true);
            version = Fields.text(answer.path("records").path(0).path(0));
            if (version == null) throw new SQLException("The Data API returned no server version.", "08006");
            if (dialect == null) dialect = ServerDialect.ofVersion(version);
        }
        return dialect;
    }

    String serverVersion() throws SQLException {
        dialect();
        return version;
    }

    String url() {
        return url;
    }

    /**
     * The engine as the server's own driver would name it in a URL: {@code postgresql}, {@code mariadb} for a
     * MariaDB server (MariaDB Connector/J reports {@code jdbc:mariadb:} there), else {@code mysql}.
     */
    String urlEngine() throws SQLException {
        return dialect().urlEngine(version); // dialect() has read the version too
    }

    String database() {
        return database;
    }

    int isolation() {
        return isolation;
    }

    private void checkOpen() throws SQLException {
        if (closed) throw new SQLException("This Data API connection is closed.", "08003");
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new DataApiStatement(this, null, Statement.NO_GENERATED_KEYS, null);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        requireForwardOnly(resultSetType, resultSetConcurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int holdability) throws SQLException {
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new DataApiStatement(this, sql, Statement.NO_GENERATED_KEYS, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return new DataApiStatement(this, sql, autoGeneratedKeys, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return new DataApiStatement(this, sql, Statement.RETURN_GENERATED_KEYS, columnNames);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw Unsupported.feature("prepareStatement(sql, columnIndexes) (name the key columns instead)");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
            throws SQLException {
        requireForwardOnly(resultSetType, resultSetConcurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int holdability)
            throws SQLException {
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    private static void requireForwardOnly(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
            throw Unsupported.feature("Scroll-sensitive result sets");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) throw Unsupported.feature("Updatable result sets");
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit && !this.autoCommit) endTransaction(true); // JDBC: switching it on commits
        this.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) throw new SQLException("commit() with auto-commit on: there is no transaction.", "25000");
        endTransaction(true);
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) throw new SQLException("rollback() with auto-commit on: there is no transaction.", "25000");
        endTransaction(false);
    }

    @Override
    public void close() throws SQLException {
        if (closed) return;
        closed = true;
        if (transactionId != null) {
            ObjectNode request = base().put("transactionId", transactionId);
            transactionId = null;
            transport.call("/RollbackTransaction", request, false); // JDBC leaves it to the driver; roll back
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) {
        if (closed) return false;
        try {
            transport.call("/Execute", base().put("sql", "select 1"), true);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new DataApiDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() {
        return readOnly;
    }

    /** The Data API's {@code database}: a database on the server (MySQL and PostgreSQL alike). */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (transactionId != null) {
            throw new SQLException("The database cannot change inside a Data API transaction.", "25001");
        }
        this.database = catalog;
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return database;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != Connection.TRANSACTION_READ_COMMITTED && level != Connection.TRANSACTION_REPEATABLE_READ) {
            throw Unsupported.feature("Isolation levels other than the Data API's default");
        }
        this.isolation = level;
    }

    @Override
    public int getTransactionIsolation() {
        return isolation;
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {}

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setHoldability(int holdability) {}

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {}

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {}

    @Override
    public String getClientInfo(String name) {
        return null;
    }

    @Override
    public Properties getClientInfo() {
        return new Properties();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) {}

    @Override
    public int getNetworkTimeout() {
        return (int) settings.requestTimeout().toMillis();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        close();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        // the Data API documents its schema member as not supported; qualify names in SQL instead
    }
}
