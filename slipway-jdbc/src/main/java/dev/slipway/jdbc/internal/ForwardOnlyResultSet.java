package dev.slipway.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;

/**
 * What the Data API fixes for every result: forward-only, read-only, closed at commit, read whole (a fetch size
 * changes nothing), no warnings.
 */
abstract class ForwardOnlyResultSet extends UnsupportedResultSet {

    @Override
    public int getType() {
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) throw Unsupported.feature("Fetch directions other than forward");
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void setFetchSize(int rows) {}

    @Override
    public void clearWarnings() {}
}
