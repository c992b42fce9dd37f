package dev.slipway.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh, empty database on a real server, dropped on {@link #close()}.
 *
 * @param engine {@code postgresql} or {@code mysql}
 * @param url JDBC URL of the new database
 * @param user user name
 * @param password password (empty for the local servers)
 * @param name the database name
 * @param server the server it lives on, to drop it afterwards
 */
public record TestDatabase(String engine, String url, String user, String password, String name, TestServer server)
        implements AutoCloseable {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
