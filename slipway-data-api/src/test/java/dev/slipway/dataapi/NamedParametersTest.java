package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.dataapi.internal.NamedParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NamedParametersTest {

    @Test
    void namesBecomeQuestionMarks_inOrder_andRepeat() {
        NamedParameters p = NamedParameters.parse("select * from t where a = :a and b = :b or a = :a", false);
        assertThat(p.sql()).isEqualTo("select * from t where a = ? and b = ? or a = ?");
        assertThat(p.names()).containsExactly("a", "b", "a");
    }

    @Test
    void quotesCommentsCastsAndDollarQuotes_areLeftAlone() {
        NamedParameters pg = NamedParameters.parse(
                "select ':x', \":y\", $$ :z $$, $tag$ :w $tag$, v::text, cast(:1 as int[]) -- :c\n/* :d */ from t",
                false);
        assertThat(pg.names()).containsExactly("1");
        assertThat(pg.sql()).contains("v::text").contains("cast(? as int[])").contains("':x'");

        NamedParameters my = NamedParameters.parse("select 'it\\'s :x', `:y`, :z", true);
        assertThat(my.names()).containsExactly("z");
    }

    /** Every request the four captured clients sent names exactly the parameters its SQL uses. */
    @Test
    void everyCapturedClientRequest_bindsEveryParameterItsSqlNames() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path wire = Path.of(NamedParametersTest.class.getResource("/wire").toURI());
        int checked = 0;
        try (Stream<Path> files = Files.walk(wire)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d+-ExecuteStatement\\.json"))
                    .toList()) {
                JsonNode body = json.readTree(file.toFile()).get("body");
                NamedParameters p = NamedParameters.parse(body.path("sql").asText(), false);
                Set<String> given = new HashSet<>();
                body.path("parameters").forEach(x -> given.add(x.get("name").asText()));
                assertThat(given).as(file.toString()).containsAll(new HashSet<>(p.names()));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }
}
