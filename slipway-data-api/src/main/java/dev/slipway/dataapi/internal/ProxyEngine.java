package dev.slipway.dataapi.internal;

import com.zaxxer.hikari.HikariConfig;
import dev.slipway.core.Engine;
import dev.slipway.dataapi.internal.mysql.MysqlProxyEngine;
import dev.slipway.dataapi.internal.postgresql.PostgresProxyEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * What the proxy does differently on PostgreSQL and on MySQL/MariaDB: a pool's driver settings, making a lent
 * session clean again, SQL's lexical rules and how a statement is prepared. {@link #of} is the module's one switch on
 * the engine; the rest asks the engine's object.
 */
public interface ProxyEngine {

    static ProxyEngine of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> PostgresProxyEngine.INSTANCE;
            case MYSQL -> MysqlProxyEngine.INSTANCE;
        };
    }

    /** The driver settings of a pool's connections (on top of the connector's session settings). */
    void configure(HikariConfig config);

    /** Remembers what a connection's session holds the first time the pool lends it, when the reset needs it. */
    void remember(Connection c) throws SQLException;

    /** Whether the connection is inside a transaction (one the Data API did not begin, or a failed one). */
    boolean inTransaction(Connection c) throws SQLException;

    /** Returns the session to the state a new connection has, after JDBC's own transaction was rolled back. */
    void reset(Connection c) throws SQLException;

    /** MySQL's lexical rules (backquotes, {@code #} comments, executable comments) rather than PostgreSQL's. */
    boolean mysqlSyntax();

    /** The statements of {@code sql}, for the transaction-control check (one, where the driver sends one). */
    List<String> statements(String sql);

    /** A statement for {@code sql}; on MySQL it also returns generated keys (the answer's generatedFields). */
    PreparedStatement prepare(Connection c, String sql) throws SQLException;

    /** Whether {@link #prepare}'s statements answer generated keys (PostgreSQL has RETURNING instead). */
    boolean generatedKeys();
}
