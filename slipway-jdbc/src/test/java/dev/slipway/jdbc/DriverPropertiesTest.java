package dev.slipway.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.jdbc.internal.DriverProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverPropertyInfo;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The driver's properties come from one list: what it accepts, what getPropertyInfo lists, what the README says. */
class DriverPropertiesTest {

    @Test
    void getPropertyInfo_listsExactlyTheAcceptedProperties() {
        DriverPropertyInfo[] info = new DataApiDriver().getPropertyInfo("jdbc:slipway-data-api://h:1/db", null);
        assertThat(Arrays.stream(info).map(i -> i.name)).containsExactlyInAnyOrderElementsOf(DriverProperty.keys());
        assertThat(info).allSatisfy(i -> assertThat(i.description).isNotBlank());
    }

    @Test
    void anUnknownUrlParameter_isRefused_namingTheKnownOnes() {
        // connection properties are not checked: pools and DriverManager pass their own (user, password, ...)
        assertThatThrownBy(
                        () -> new DataApiDriver().connect("jdbc:slipway-data-api://127.0.0.1:1/db?resourceARN=x", null))
                .hasMessageContaining("'resourceARN' is not one of its parameters")
                .hasMessageContaining("resourceArn");
    }

    @Test
    void theReadmesTable_namesEveryPropertyAndNoOther() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("| property (or URL parameter) |");
        assertThat(start).as("the README's driver property table").isPositive();
        String table = readme.substring(start, readme.indexOf("\n\n", start));
        Set<String> documented = new TreeSet<>();
        for (String row : table.lines().skip(2).toList()) {
            String firstCell = row.split("\\|")[1];
            Matcher name = Pattern.compile("`([A-Za-z]+)`").matcher(firstCell);
            while (name.find()) documented.add(name.group(1));
        }
        assertThat(documented).isEqualTo(new TreeSet<>(DriverProperty.keys()));
    }
}
