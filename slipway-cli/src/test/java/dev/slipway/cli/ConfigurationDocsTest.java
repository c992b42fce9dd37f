package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's configuration tables say what {@link Setting} defines, and every flag they name exists. */
class ConfigurationDocsTest {

    private static final String NONE = "–";

    @Test
    void theReadmeConfigurationTable_listsEverySettingWithItsVariableFlagAndDefault() throws IOException {
        Map<String, List<String>> rows = rows("`slipway.");
        for (Setting setting : Setting.values()) {
            if (setting.group() == Setting.Group.FUNCTIONS) continue;
            List<String> row = rows.get("`" + setting.key() + "`");
            assertThat(row).as("a README row for " + setting.key()).isNotNull();
            assertThat(row.get(1)).as(setting.key() + " variable").isEqualTo("`" + setting.env() + "`");
            assertThat(row.get(2))
                    .as(setting.key() + " flag")
                    .isEqualTo(setting.flag().map(f -> "`" + f + "`").orElse(NONE));
            assertThat(row.get(3))
                    .as(setting.key() + " default")
                    .isEqualTo(setting.documentedDefault().orElse(NONE));
        }
        for (String key : rows.keySet()) {
            assertThat(Setting.forKey(key.replace("`", "")))
                    .as("the README documents " + key + "; Setting must define it")
                    .isPresent();
        }
    }

    @Test
    void theReadmeFunctionsTable_listsExactlyTheVariablesFunctionsRead() throws IOException {
        Map<String, List<String>> rows = rows("`SLIPWAY_");
        Set<String> documented = new HashSet<>();
        rows.keySet().forEach(k -> documented.add(k.replace("`", "")));
        Set<String> read = new HashSet<>();
        Arrays.stream(Setting.values()).filter(Setting::readByFunctions).forEach(s -> read.add(s.env()));
        assertThat(documented).isEqualTo(read);
        for (Setting setting : Setting.of(Setting.Group.FUNCTIONS)) {
            assertThat(rows.get("`" + setting.env() + "`").get(1))
                    .as(setting.env() + " default")
                    .isEqualTo(setting.documentedDefault().orElse(NONE));
        }
    }

    @Test
    void everyDocumentedFlag_isAnOptionOfTheCli() {
        Set<String> options = new HashSet<>();
        collect(new CommandLine(new Slipway()), options);
        for (Setting setting : Setting.values()) {
            setting.flag()
                    .ifPresent(flag ->
                            assertThat(options).as("the CLI has " + flag).contains(flag));
        }
    }

    @Test
    void variablesOfFamilies_mapToTheirKeys() {
        assertThat(Setting.keyForEnv("SLIPWAY_FUNCTION_API_HANDLER")).contains("slipway.function.api.handler");
        assertThat(Setting.keyForEnv("SLIPWAY_FUNCTION_BLOG_API_ARTIFACT"))
                .contains("slipway.function.blog-api.artifact");
        assertThat(Setting.keyForEnv("SLIPWAY_ROUTES")).contains("slipway.routes");
        assertThat(Setting.keyForEnv("SLIPWAY_NOT_A_SETTING")).isEmpty();
    }

    private static void collect(CommandLine cli, Set<String> options) {
        cli.getCommandSpec().options().forEach(o -> options.addAll(Arrays.asList(o.names())));
        cli.getSubcommands().values().forEach(sub -> collect(sub, options));
    }

    /** The README's table rows whose first cell starts with {@code prefix}, by that cell, cells trimmed. */
    private static Map<String, List<String>> rows(String prefix) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| " + prefix)) continue;
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split(" \\| ", -1)) cells.add(cell.strip());
            rows.put(cells.get(0), cells);
        }
        return rows;
    }
}
