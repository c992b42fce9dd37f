package dev.slipway.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

    @Test
    void split_ignoresSemicolonsInsideQuotesCommentsAndDollarQuotes() {
        List<SqlStatements.Statement> statements = SqlStatements.split("""
                -- first; still a comment
                insert into t values ('a;b', "c;d");
                /* block; comment */
                do $$ begin perform 1; end $$;
                select `x;y` from t
                """);

        assertThat(statements)
                .extracting(SqlStatements.Statement::sql)
                .containsExactly(
                        "insert into t values ('a;b', \"c;d\")",
                        "do $$ begin perform 1; end $$",
                        "select `x;y` from t");
        assertThat(statements).extracting(SqlStatements.Statement::line).containsExactly(2, 4, 5);
        assertThat(statements.get(0).comments()).contains("first; still a comment");
    }
}
