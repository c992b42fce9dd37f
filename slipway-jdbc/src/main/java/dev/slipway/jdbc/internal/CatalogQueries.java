package dev.slipway.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code DatabaseMetaData} catalog methods jOOQ's {@code meta()} and Flyway use, in JDBC's columns; each engine
 * reads the arguments it has a use for (PostgreSQL the schema, MySQL the catalog).
 */
public interface CatalogQueries {

    ResultSet tables(String catalog, String schemaPattern, String tablePattern, String[] types) throws SQLException;

    ResultSet catalogs() throws SQLException;

    ResultSet schemas(String schemaPattern) throws SQLException;

    ResultSet columns(String catalog, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException;

    ResultSet primaryKeys(String catalog, String schema, String table) throws SQLException;

    ResultSet importedKeys(String catalog, String schema, String table) throws SQLException;

    ResultSet indexInfo(String catalog, String schema, String table, boolean unique) throws SQLException;
}
