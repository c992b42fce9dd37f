package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.Engine;
import dev.slipway.schema.model.Schema;
import org.junit.jupiter.api.Test;

/**
 * Shapes that used to be written into migrations a database then refused (issue 22): each is now refused when
 * schema.sql is read, with its line, or written so that both engines take it.
 */
class RejectedShapesTest {

    private static String mysql(String sql) {
        return MigrationGenerator.render(
                Engine.MYSQL, SchemaDiff.between(Schema.EMPTY, SchemaReader.readSql("s", sql)));
    }

    private static String postgres(String sql) {
        return MigrationGenerator.render(
                Engine.POSTGRESQL, SchemaDiff.between(Schema.EMPTY, SchemaReader.readSql("s", sql)));
    }

    @Test
    void aBooleanDefaultWrittenAsANumber_isRefused_withTheSpellingBothTake() {
        assertThatThrownBy(() -> SchemaReader.readSql(
                        "schema.sql", "create table t (\n  id bigint primary key,\n  on_sale boolean default 0\n);\n"))
                .hasMessageStartingWith("schema.sql:3: t.on_sale: boolean default 0")
                .hasMessageContaining("Write default false.");
    }

    @Test
    void anIndexNameUsedOnTwoTables_isRefused_atItsSecondUse() {
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", """
                        create table a (id bigint primary key, x int);
                        create table b (id bigint primary key, y int);
                        create index idx_x on a (x);
                        create index idx_x on b (y);
                        """))
                .hasMessageStartingWith(
                        "schema.sql:4: the name idx_x of an index on table b is already an index on" + " table a");
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", """
                        create table a (id bigint primary key, x int);
                        create index a on a (x);
                        """))
                .hasMessageContaining("the name a of an index on table a is already table a");
    }

    @Test
    void aKeyOverInnoDbs3072Bytes_isRefused_withItsSize() {
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", """
                        create table t (
                          id bigint primary key,
                          a varchar(500),
                          b varchar(500),
                          unique (a, b)
                        );
                        """))
                .hasMessageStartingWith(
                        "schema.sql:3: t: unique constraint t_a_b_key (a, b) takes 4000 bytes on MySQL");
        // 768 characters is the longest varchar one key takes
        assertThat(mysql("create table t (id bigint primary key, a varchar(768) unique);"))
                .contains("a varchar(768)");
    }

    @Test
    void aLiteralCastToItsColumnsType_isWrittenAsTheLiteral() {
        String sql = "create table t (id bigint primary key, body jsonb not null default '{}'::jsonb);";

        assertThat(mysql(sql)).contains("body json not null default ('{}')");
        assertThat(postgres(sql)).contains("body jsonb not null default '{}'");
    }

    @Test
    void aTimestampWithTimeZoneDefault_withAnOffset_isTheSameInstantInUtcOnMysql() {
        String sql = "create table t (id bigint primary key, at timestamp with time zone default"
                + " '2020-01-01 00:00:00+02', at3 timestamp(3) with time zone default '2020-01-01 10:00:00.5-05:30');";

        assertThat(mysql(sql))
                .contains("at datetime(6) default '2019-12-31 22:00:00'")
                .contains("at3 datetime(3) default '2020-01-01 15:30:00.5'");
        assertThat(postgres(sql)).contains("default '2020-01-01 00:00:00+02'");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "h binary(16)|'binary(16)' has no PostgreSQL type of that size",
                "h varbinary(255)|'varbinary(255)' has no PostgreSQL type of that size",
                "name text collate \"en_US\"|collate en_US is not carried",
                "name varchar(20) collate utf8mb4_general_ci|A case-insensitive collation has no equivalent",
                "n int unsigned|MySQL's unsigned integers have no PostgreSQL type",
                "state enum('a', 'b')|Declare the type once, above the table: create type t_state as enum ('a', 'b')",
                "`active` tinyint(1) NOT NULL DEFAULT 1|tinyint is MySQL's",
            })
    void aTypeThatWouldBeCarriedAsSomethingElse_isRefused_withItsLine(String column, String message) {
        assertThatThrownBy(() -> SchemaReader.readSql(
                        "schema.sql", "create table t (\n  id bigint primary key,\n  " + column + "\n);\n"))
                .hasMessageStartingWith("schema.sql:3: t.")
                .hasMessageContaining(message);
    }

    @Test
    void aRefusedColumnOfATableRenamedLater_namesTheLineWhereTheColumnIsDeclared() {
        String sql = "create table venues (\n  id bigint primary key,\n  status enum('open', 'closed')\n);\n"
                + "alter table venues rename to venue;\n";

        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", sql))
                .hasMessageStartingWith("schema.sql:3: venue.status: an inline enum(...) is MySQL's spelling");
    }

    @Test
    void mysqlTableOptions_thatDecideBehaviour_areRefusedUnlessTheyAreWhatSlipwayWrites() {
        String table = "CREATE TABLE `users` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n)";

        assertThatThrownBy(() -> SchemaReader.readSql(
                        "schema.sql",
                        "\n" + table + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;\n"))
                .hasMessageStartingWith("schema.sql:2: the table option COLLATE=utf8mb4_general_ci is not carried")
                .hasMessageContaining("ignores case");
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", table + " ENGINE=MyISAM;"))
                .hasMessageContaining("ENGINE=myisam");
        assertThatThrownBy(() -> SchemaReader.readSql("schema.sql", table + " DEFAULT CHARSET=latin1;"))
                .hasMessageContaining("CHARSET=latin1");
        assertThat(mysql(table + " ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;"))
                .contains("id bigint not null auto_increment");
    }
}
