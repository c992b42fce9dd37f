package dev.slipway.migrate.fidelity;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.DatabaseTarget;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;

/** The real servers the fidelity tests run on, and whether pg_dump (the PostgreSQL oracle) can read them. */
abstract class FidelityServers {

    /** How Slipway's Migrator and SchemaPull reach a test database. */
    static DatabaseTarget config(TestDatabase db) {
        return dev.slipway.migrate.Project.config(db);
    }

    static TestServer postgres;
    static TestServer mysql;
    static boolean mariadb;

    @BeforeAll
    static void servers() throws Exception {
        postgres = TestServers.postgres();
        mysql = TestServers.mysql();
        try (TestDatabase db = postgres.createDatabase()) {
            String reason = PgDump.unavailableReason(db);
            assumeTrue(
                    reason == null,
                    "pg_dump cannot dump the test PostgreSQL here: " + reason
                            + " (set SLIPWAY_TEST_PG_DUMP to a pg_dump of the server's major version or newer)");
        }
        try (TestDatabase db = mysql.createDatabase();
                Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery("select version()")) {
            rs.next();
            mariadb = rs.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
        }
    }
}
