package dev.slipway.jdbc.internal;

/**
 * A JDBC connection that supports nothing.
 * Generated from the JDBC interface; what the Data API driver does not implement says so. The driver's
 * classes extend this and override what they support.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedConnection implements java.sql.Connection {

    @Override
    public void abort(java.util.concurrent.Executor p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.abort");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.clearWarnings");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.close");
    }

    @Override
    public void commit() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.commit");
    }

    @Override
    public java.sql.Array createArrayOf(String p0, Object[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createArrayOf");
    }

    @Override
    public java.sql.Blob createBlob() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createBlob");
    }

    @Override
    public java.sql.Clob createClob() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createClob");
    }

    @Override
    public java.sql.NClob createNClob() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createNClob");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createSQLXML");
    }

    @Override
    public java.sql.Statement createStatement() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createStatement");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createStatement");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createStatement");
    }

    @Override
    public java.sql.Struct createStruct(String p0, Object[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.createStruct");
    }

    @Override
    public boolean getAutoCommit() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getAutoCommit");
    }

    @Override
    public String getCatalog() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getCatalog");
    }

    @Override
    public java.util.Properties getClientInfo() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getClientInfo");
    }

    @Override
    public String getClientInfo(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getClientInfo");
    }

    @Override
    public int getHoldability() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getHoldability");
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getMetaData");
    }

    @Override
    public int getNetworkTimeout() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getNetworkTimeout");
    }

    @Override
    public String getSchema() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getSchema");
    }

    @Override
    public int getTransactionIsolation() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getTransactionIsolation");
    }

    @Override
    public java.util.Map<String, Class<?>> getTypeMap() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getTypeMap");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.getWarnings");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.isClosed");
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.isReadOnly");
    }

    @Override
    public boolean isValid(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.isValid");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String nativeSQL(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.nativeSQL");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String p0, int p1, int p2, int p3) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String p0, int p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareCall");
    }

    @Override
    public java.sql.CallableStatement prepareCall(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareCall");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, String[] p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int p1, int p2, int p3) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int p1, int p2) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareStatement");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.prepareStatement");
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.releaseSavepoint");
    }

    @Override
    public void rollback() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.rollback");
    }

    @Override
    public void rollback(java.sql.Savepoint p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.rollback");
    }

    @Override
    public void setAutoCommit(boolean p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setAutoCommit");
    }

    @Override
    public void setCatalog(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setCatalog");
    }

    @Override
    public void setClientInfo(String p0, String p1) throws java.sql.SQLClientInfoException {
        throw new UnsupportedOperationException(Unsupported.message("Connection.setClientInfo"));
    }

    @Override
    public void setClientInfo(java.util.Properties p0) throws java.sql.SQLClientInfoException {
        throw new UnsupportedOperationException(Unsupported.message("Connection.setClientInfo"));
    }

    @Override
    public void setHoldability(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setHoldability");
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor p0, int p1) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setNetworkTimeout");
    }

    @Override
    public void setReadOnly(boolean p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setReadOnly");
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setSavepoint");
    }

    @Override
    public java.sql.Savepoint setSavepoint(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setSavepoint");
    }

    @Override
    public void setSchema(String p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setSchema");
    }

    @Override
    public void setTransactionIsolation(int p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setTransactionIsolation");
    }

    @Override
    public void setTypeMap(java.util.Map<String, Class<?>> p0) throws java.sql.SQLException {
        throw Unsupported.feature("Connection.setTypeMap");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new java.sql.SQLException("Not a wrapper for " + type.getName(), "0A000");
    }
}
