package dev.slipway.jdbc.internal;

/**
 * A JDBC prepared statement that supports nothing.
 * Generated from the JDBC interface; what the Data API driver does not implement says so. The driver's
 * classes extend this and override what they support.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedStatement implements java.sql.PreparedStatement {

    @Override
    public void addBatch() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.addBatch");
    }

    @Override
    public void addBatch(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.addBatch");
    }

    @Override
    public void cancel() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.cancel");
    }

    @Override
    public void clearBatch() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.clearBatch");
    }

    @Override
    public void clearParameters() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.clearParameters");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.clearWarnings");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.close");
    }

    @Override
    public void closeOnCompletion() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.closeOnCompletion");
    }

    @Override
    public boolean execute() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.execute");
    }

    @Override
    public boolean execute(String p0, int[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.execute");
    }

    @Override
    public boolean execute(String p0, String[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.execute");
    }

    @Override
    public boolean execute(String p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.execute");
    }

    @Override
    public boolean execute(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.execute");
    }

    @Override
    public int[] executeBatch() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.executeBatch");
    }

    @Override
    public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.executeQuery");
    }

    @Override
    public java.sql.ResultSet executeQuery(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.executeQuery");
    }

    @Override
    public int executeUpdate() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.executeUpdate");
    }

    @Override
    public int executeUpdate(String p0, int[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.executeUpdate");
    }

    @Override
    public int executeUpdate(String p0, String[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.executeUpdate");
    }

    @Override
    public int executeUpdate(String p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.executeUpdate");
    }

    @Override
    public int executeUpdate(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.executeUpdate");
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getConnection");
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getFetchDirection");
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getFetchSize");
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getGeneratedKeys");
    }

    @Override
    public int getMaxFieldSize() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getMaxFieldSize");
    }

    @Override
    public int getMaxRows() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getMaxRows");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.getMetaData");
    }

    @Override
    public boolean getMoreResults() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getMoreResults");
    }

    @Override
    public boolean getMoreResults(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getMoreResults");
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.getParameterMetaData");
    }

    @Override
    public int getQueryTimeout() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getQueryTimeout");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getResultSet");
    }

    @Override
    public int getResultSetConcurrency() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getResultSetConcurrency");
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getResultSetHoldability");
    }

    @Override
    public int getResultSetType() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getResultSetType");
    }

    @Override
    public int getUpdateCount() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getUpdateCount");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.getWarnings");
    }

    @Override
    public boolean isCloseOnCompletion() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.isCloseOnCompletion");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.isClosed");
    }

    @Override
    public boolean isPoolable() throws java.sql.SQLException {
        throw Unsupported.feature("Statement.isPoolable");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public void setArray(int p0, java.sql.Array p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setArray");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setBigDecimal(int p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBigDecimal");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBinaryStream");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBinaryStream");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBinaryStream");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBlob");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBlob");
    }

    @Override
    public void setBlob(int p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBlob");
    }

    @Override
    public void setBoolean(int p0, boolean p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBoolean");
    }

    @Override
    public void setByte(int p0, byte p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setByte");
    }

    @Override
    public void setBytes(int p0, byte[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setBytes");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setCharacterStream");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setCharacterStream");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setCharacterStream");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setClob");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setClob");
    }

    @Override
    public void setClob(int p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setClob");
    }

    @Override
    public void setCursorName(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setCursorName");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setDate");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setDate");
    }

    @Override
    public void setDouble(int p0, double p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setDouble");
    }

    @Override
    public void setEscapeProcessing(boolean p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setEscapeProcessing");
    }

    @Override
    public void setFetchDirection(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setFetchDirection");
    }

    @Override
    public void setFetchSize(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setFetchSize");
    }

    @Override
    public void setFloat(int p0, float p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setFloat");
    }

    @Override
    public void setInt(int p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setInt");
    }

    @Override
    public void setLong(int p0, long p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setLong");
    }

    @Override
    public void setMaxFieldSize(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setMaxFieldSize");
    }

    @Override
    public void setMaxRows(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setMaxRows");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNClob");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNClob");
    }

    @Override
    public void setNClob(int p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNClob");
    }

    @Override
    public void setNString(int p0, String p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNString");
    }

    @Override
    public void setNull(int p0, int p1, String p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNull");
    }

    @Override
    public void setNull(int p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setNull");
    }

    @Override
    public void setObject(int p0, Object p1, int p2, int p3) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setObject");
    }

    @Override
    public void setObject(int p0, Object p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setObject");
    }

    @Override
    public void setObject(int p0, Object p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setObject");
    }

    @Override
    public void setPoolable(boolean p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setPoolable");
    }

    @Override
    public void setQueryTimeout(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Statement.setQueryTimeout");
    }

    @Override
    public void setRef(int p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setRef");
    }

    @Override
    public void setRowId(int p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setRowId");
    }

    @Override
    public void setSQLXML(int p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setSQLXML");
    }

    @Override
    public void setShort(int p0, short p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setShort");
    }

    @Override
    public void setString(int p0, String p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setString");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setTime");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setTime");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setTimestamp");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setTimestamp");
    }

    @Override
    public void setURL(int p0, java.net.URL p1) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setURL");
    }

    @Override
    public void setUnicodeStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("PreparedStatement.setUnicodeStream");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new java.sql.SQLException("Not a wrapper for " + type.getName(), "0A000");
    }
}
