package dev.slipway.dataapi.internal.postgresql;

import com.zaxxer.hikari.HikariConfig;
import dev.slipway.core.DatabaseConnector;
import dev.slipway.dataapi.internal.ProxyEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;
import org.postgresql.core.TransactionState;

/**
 * The proxy on PostgreSQL. What a request may leave behind (settings and roles made with {@code SET}, {@code SET
 * SESSION AUTHORIZATION}, temporary tables, prepared statements, cursors, {@code LISTEN}, advisory locks, sequence
 * state) is undone by {@code DISCARD ALL}, PgBouncer's reset query for the same reason; its {@code RESET ALL} returns
 * settings to the connection's start-up values, which are UTC only where the JVM's zone is (pgjdbc sends it), so
 * elsewhere the zone is set to UTC again.
 */
public final class PostgresProxyEngine implements ProxyEngine {

    public static final PostgresProxyEngine INSTANCE = new PostgresProxyEngine();

    private PostgresProxyEngine() {}

    @Override
    public void configure(HikariConfig config) {
        // pgjdbc starts sessions in the JVM's zone; elsewhere than UTC (a laptop), UTC as AWS's Data API has it
        if (DatabaseConnector.postgresqlStartsElsewhereThanUtc())
            config.setConnectionInitSql(DatabaseConnector.SET_UTC);
        // every setting pgjdbc makes goes in the start-up packet, so DISCARD ALL's RESET ALL returns to it
        config.addDataSourceProperty("assumeMinServerVersion", "9.0");
        config.addDataSourceProperty("ApplicationName", "slipway-data-api");
        // a result larger than this fails in the driver instead of filling the heap (the answer is cut at 1 MiB;
        // its JSON is larger than the rows on the wire)
        config.addDataSourceProperty("maxResultBuffer", "4M");
    }

    @Override
    public void remember(Connection c) {} // DISCARD ALL needs nothing remembered

    @Override
    public boolean inTransaction(Connection c) throws SQLException {
        return c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    @Override
    public void reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (inTransaction(c)) s.execute("rollback");
            s.execute("discard all");
            if (DatabaseConnector.postgresqlStartsElsewhereThanUtc()) s.execute(DatabaseConnector.SET_UTC);
        }
    }

    @Override
    public boolean mysqlSyntax() {
        return false;
    }

    /** pgjdbc's own split: it sends each statement of a multi-statement string on its own. */
    @Override
    public List<String> statements(String sql) {
        try {
            List<String> out = new ArrayList<>();
            for (NativeQuery q : Parser.parseJdbcSql(sql, true, false, true, false, false)) out.add(q.nativeSql);
            return out;
        } catch (SQLException e) {
            return List.of(sql); // the server reports the syntax error
        }
    }

    @Override
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }

    @Override
    public boolean generatedKeys() {
        return false;
    }
}
