package dev.slipway.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServer;
import dev.slipway.testing.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jOOQ's most common start, {@code DSL.using(connection)}, over the driver: jOOQ's own detection (by
 * {@code DatabaseMetaData.getURL()}) finds the engine behind it, and an insert with {@code returning()} answers its
 * key (with no dialect found it threw {@code NoDataFoundException}; issue 23, item 7). With the engine in the URL and
 * without it (asked of the server). On a MariaDB server jOOQ picks MARIADB, as with MariaDB's own driver (on MySQL,
 * MYSQL: it has no RETURNING, and jOOQ then needs the table's identity from generated classes).
 */
class JooqDialectIT {

    static Stream<TestServer> servers() {
        return Stream.of(TestServers.postgres(), TestServers.mysql());
    }

    @ParameterizedTest
    @MethodSource("servers")
    void dslUsingAConnection_findsTheEngine_andReturningAnswersTheKey(TestServer server) throws Exception {
        boolean pg = server.engine().equals("postgresql");
        SQLDialect expected; // what the server's own driver makes jOOQ pick
        try (TestDatabase probe = server.createDatabase();
                Connection direct = probe.connect()) {
            expected = pg
                    ? SQLDialect.POSTGRES
                    : direct.getMetaData().getDatabaseProductVersion().contains("MariaDB")
                            ? SQLDialect.MARIADB
                            : SQLDialect.MYSQL;
        }
        try (TestDatabase db = server.createDatabase();
                DataApiServer proxy =
                        DataApiServer.start(DataApiConfig.development(db.url(), db.user(), db.password(), 0))) {
            String base = "jdbc:slipway-data-api://127.0.0.1:" + proxy.port() + "/" + db.name();
            for (String url : new String[] {base, base + "?engine=" + server.engine()}) {
                try (Connection c = DriverManager.getConnection(url)) {
                    DSLContext jooq = DSL.using(c);

                    assertThat(jooq.dialect()).as(url).isEqualTo(expected);
                    jooq.createTableIfNotExists("note")
                            .column("id", SQLDataType.BIGINT.identity(true))
                            .column("text", SQLDataType.VARCHAR(50))
                            .primaryKey("id")
                            .execute();
                    Record inserted = jooq.insertInto(table(name("note")), field(name("text")))
                            .values("hello")
                            .returning(field(name("id"), Long.class))
                            .fetchSingle();
                    assertThat(inserted.get(0, Long.class)).as(url).isPositive();
                }
            }
            try (Connection c = DriverManager.getConnection(
                    "jdbc:slipway-data-api:" + (expected == SQLDialect.MARIADB ? "mariadb" : server.engine())
                            + "://127.0.0.1:" + proxy.port() + "/" + db.name())) {
                assertThat(DSL.using(c).dialect()).isEqualTo(expected);
            }
        }
    }
}
