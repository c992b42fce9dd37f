package dev.slipway.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SQL states and vendor codes are read in one place, {@code dev.slipway.core.SqlErrorKind}: a module that compares a
 * state literal or an error code itself would disagree with the table sooner or later (they did: "connection lost"
 * was 57P0[123] in one file and 08/57P03 in another). The JDBC driver over the Data API is the exception: it
 * produces SQL states (from the Data API's answers), it does not interpret a database's. Checked on the sources,
 * since compiled classes keep no trace of a literal's use.
 */
class SqlStateLiteralsTest {

    /** A state literal compared ({@code equals("23505")}, {@code startsWith("08")}, {@code matches("57P0[12]")}). */
    private static final Pattern STATE_COMPARED =
            Pattern.compile("\\.(equals|startsWith|matches)\\(\\s*\"[0-9][0-9A-Z]([0-9A-Z\\[\\]]{3,})?\"");
    /** A vendor code compared ({@code getErrorCode() == 1062}). */
    private static final Pattern CODE_COMPARED = Pattern.compile("getErrorCode\\(\\)\\s*[=!]=");

    @Test
    void onlyTheErrorTableComparesSqlStatesOrVendorCodes() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(SqlStateLiteralsTest::isMainSource).toList();
        }
        assertThat(sources)
                .as("the main sources of " + root)
                .hasSizeGreaterThan(200)
                .anyMatch(f -> f.endsWith("dev/slipway/lambda/internal/ErrorMapping.java"));
        for (Path file : sources) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (STATE_COMPARED.matcher(line).find()
                        || CODE_COMPARED.matcher(line).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(found)
                .as("map SQL errors through dev.slipway.core.SqlErrorKind (add the state there) instead")
                .isEmpty();
    }

    @Test
    void theCheckFindsAComparison_thatIsNotInTheTable() {
        assertThat(STATE_COMPARED.matcher("if (state.equals(\"23505\") || x)").find())
                .isTrue();
        assertThat(STATE_COMPARED.matcher("state.startsWith(\"08\")").find()).isTrue();
        assertThat(STATE_COMPARED.matcher("state.matches(\"57P0[123]\")").find())
                .isTrue();
        assertThat(CODE_COMPARED.matcher("e.getErrorCode() == 1049").find()).isTrue();
        assertThat(STATE_COMPARED.matcher("method.equals(\"GET\")").find()).isFalse();
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java")
                && path.contains("/src/main/java/")
                && !path.contains("/target/")
                && !path.contains("/slipway-jdbc/") // produces states from the Data API's answers
                && !path.endsWith("/dev/slipway/core/SqlErrorKind.java");
    }
}
