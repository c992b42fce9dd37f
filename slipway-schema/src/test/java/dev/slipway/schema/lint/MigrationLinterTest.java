package dev.slipway.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Engine;
import dev.slipway.schema.SchemaReader;
import dev.slipway.schema.model.Schema;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationLinterTest {

    private static final Schema BEFORE = SchemaReader.readSql("v1", """
            create table author (id bigint primary key, email varchar(320) not null, name varchar(200));
            create table post (id bigint primary key, title varchar(200) not null, body text, views integer);
            """);

    private static List<Rule> rules(Engine engine, String script) {
        return MigrationLinter.lintScript(engine, Optional.of(BEFORE), "V2__x.sql", script).stream()
                .map(Finding::rule)
                .toList();
    }

    @Test
    void dropsOfExistingTablesAndColumns_areDestructive() {
        assertThat(rules(Engine.POSTGRESQL, "drop table post; alter table author drop column name;"))
                .containsExactly(Rule.DS101, Rule.DS102);
        assertThat(rules(Engine.MYSQL, "drop table `post`;\nalter table `author` drop `name`;"))
                .containsExactly(Rule.DS101, Rule.DS102);
    }

    @Test
    void aTableCreatedInTheSameMigration_canBeChangedFreely() {
        assertThat(rules(
                        Engine.POSTGRESQL,
                        "create table tag (id bigint primary key, name text);"
                                + " create unique index tag_name_key on tag (name); alter table tag drop column name;"))
                .isEmpty();
    }

    @Test
    void narrowingTypeChanges_areDestructive_wideningOnesAreNot() {
        assertThat(rules(Engine.POSTGRESQL, "alter table post alter column title type varchar(50);"))
                .containsExactly(Rule.DS103, Rule.LK104);
        assertThat(rules(Engine.POSTGRESQL, "alter table post alter column title type varchar(500);"))
                .isEmpty();
        assertThat(rules(Engine.POSTGRESQL, "alter table post alter column views type bigint;"))
                .containsExactly(Rule.LK104);
        assertThat(rules(Engine.MYSQL, "alter table post modify column title varchar(50) not null;"))
                .containsExactly(Rule.DS103, Rule.LK201);
    }

    @Test
    void renamesAndNewNotNullColumns_areBackwardIncompatible() {
        assertThat(rules(Engine.POSTGRESQL, "alter table author rename column name to full_name;"))
                .containsExactly(Rule.BC101);
        assertThat(rules(Engine.MYSQL, "alter table author change name full_name varchar(200);"))
                .contains(Rule.BC101);
        assertThat(rules(Engine.POSTGRESQL, "alter table post add column slug varchar(200) not null;"))
                .containsExactly(Rule.BC102);
        assertThat(rules(Engine.POSTGRESQL, "alter table post add column published boolean not null default false;"))
                .isEmpty();
        assertThat(rules(Engine.POSTGRESQL, "alter table author alter column name set not null;"))
                .containsExactly(Rule.BC103);
    }

    @Test
    void uniqueOnAnExistingTable_isDataDependent_andIndexesLockOnPostgres() {
        assertThat(rules(Engine.POSTGRESQL, "create unique index author_email_key on author (email);"))
                .containsExactly(Rule.MF101, Rule.LK101);
        assertThat(rules(Engine.POSTGRESQL, "create index concurrently post_title_idx on post (title);"))
                .isEmpty();
        assertThat(rules(Engine.MYSQL, "create index post_title_idx on post (title);"))
                .isEmpty();
        assertThat(rules(Engine.MYSQL, "alter table author add constraint author_email_key unique (email);"))
                .containsExactly(Rule.MF101);
    }

    @Test
    void foreignKeysAndChecksOnExistingTables_lockOnPostgres_unlessNotValid() {
        assertThat(rules(
                        Engine.POSTGRESQL,
                        "alter table post add constraint post_fk foreign key (id) references author (id);"))
                .containsExactly(Rule.LK102);
        assertThat(rules(
                        Engine.POSTGRESQL,
                        "alter table post add constraint post_fk foreign key (id) references author (id) not valid;"))
                .isEmpty();
        assertThat(rules(Engine.POSTGRESQL, "alter table post add constraint c check (views >= 0);"))
                .containsExactly(Rule.LK103);
    }

    @Test
    void aNewTableWithoutAPrimaryKey_isADesignFinding_onBothEngines() {
        assertThat(rules(Engine.POSTGRESQL, "create table user_tag (user_id bigint not null, tag varchar(40));"))
                .containsExactly(Rule.DN101);
        assertThat(rules(Engine.MYSQL, "create table `user_tag` (`user_id` bigint not null, primary key (`user_id`));"))
                .isEmpty();
        assertThat(Rule.DN101.category()).isEqualTo(Category.DESIGN);
    }

    @Test
    void aLintIgnoreComment_acceptsTheNamedRuleForTheNextStatementOnly() {
        assertThat(rules(
                        Engine.POSTGRESQL,
                        "-- slipway:lint-ignore DS102 the column was unused since v3\n"
                                + "alter table author drop column name;\n"
                                + "alter table post drop column body;"))
                .containsExactly(Rule.DS102);
    }

    @Test
    void aFinding_namesFileLineStatementAndFix() {
        Finding finding = MigrationLinter.lintScript(
                        Engine.POSTGRESQL, Optional.of(BEFORE), "V2__x.sql", "\n\ndrop table post;")
                .get(0);

        assertThat(finding.describe())
                .startsWith("V2__x.sql:3: DS101 [destructive] post: drops a table")
                .contains("drop table post")
                .contains("fix: ");
    }

    @Test
    void keysAndUniqueIndexes_areReportedAsEachEngineLocksForThem() {
        assertThat(rules(Engine.POSTGRESQL, "alter table post add primary key (id);"))
                .containsExactly(Rule.MF102);
        assertThat(rules(Engine.MYSQL, "alter table `post` add primary key (`id`);"))
                .containsExactly(Rule.MF102, Rule.LK201);
        assertThat(rules(Engine.MYSQL, "alter table `post` add unique index `post_title_key` (`title`);"))
                .containsExactly(Rule.MF101);
        assertThat(rules(
                        Engine.POSTGRESQL,
                        "alter table post add constraint post_views_check check (views > 0) not valid;"))
                .isEmpty();
        assertThat(rules(Engine.POSTGRESQL, "truncate post;")).containsExactly(Rule.DS104);
    }

    @Test
    void aMysqlChangeThatRenames_breaksClients_andRebuildsTheTable() {
        assertThat(rules(Engine.MYSQL, "alter table `post` change `views` `view_count` bigint;"))
                .containsExactly(Rule.BC101, Rule.LK201);
    }
}
