package dev.slipway.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * A statement's options as JDBC sets them: the query timeout (which bounds the Data API call), the row limit, and
 * what the Data API makes fixed (forward-only, read-only results read whole, no cursors, no warnings).
 */
abstract class StatementOptions extends UnsupportedStatement {

    int queryTimeout;
    long maxRows;
    int fetchSize;
    boolean closeOnCompletion;

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        if (seconds < 0) throw new SQLException("A query timeout cannot be negative.", "22023");
        this.queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() {
        return queryTimeout;
    }

    @Override
    public void setMaxRows(int max) {
        this.maxRows = max;
    }

    @Override
    public int getMaxRows() {
        return (int) maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) {
        this.maxRows = max;
    }

    @Override
    public long getLargeMaxRows() {
        return maxRows;
    }

    @Override
    public void setFetchSize(int rows) {
        this.fetchSize = rows; // the Data API returns a result whole (up to 1 MiB)
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) throw Unsupported.feature("Fetch directions other than forward");
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setEscapeProcessing(boolean enable) {}

    @Override
    public void setMaxFieldSize(int max) {}

    @Override
    public int getMaxFieldSize() {
        return 0;
    }

    @Override
    public void setPoolable(boolean poolable) {}

    @Override
    public void closeOnCompletion() {
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() {
        return closeOnCompletion;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw Unsupported.feature("Named cursors");
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {}
}
