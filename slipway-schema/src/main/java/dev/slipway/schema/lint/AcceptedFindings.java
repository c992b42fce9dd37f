package dev.slipway.schema.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Records findings a user accepted as {@code -- slipway:lint-ignore} lines in the script itself, so the migration
 * that {@code migrate dev --allow-destructive} writes passes {@code migrate lint} on exactly what was accepted and
 * nothing more: the comment goes above the statement the finding is on and names only that finding's rule.
 */
public final class AcceptedFindings {

    private AcceptedFindings() {}

    /**
     * The script with one ignore line above each statement that has accepted findings.
     *
     * @param script the script the findings were read from (their line numbers are its lines)
     * @param accepted findings on {@code script} the user accepted
     * @param reason why, written after the codes (e.g. who accepted them and how); must not start with a code
     */
    public static String record(String script, List<Finding> accepted, String reason) {
        Map<Integer, Set<String>> codesByLine = new TreeMap<>();
        for (Finding finding : accepted) {
            codesByLine
                    .computeIfAbsent(finding.line(), line -> new TreeSet<>())
                    .add(finding.rule().name());
        }
        List<String> lines = new ArrayList<>(List.of(script.split("\n", -1)));
        List<Integer> descending = new ArrayList<>(codesByLine.keySet());
        descending.sort((a, b) -> Integer.compare(b, a));
        for (int line : descending) {
            Objects.checkIndex(line - 1, lines.size());
            String indent = lines.get(line - 1).replaceAll("^(\\s*).*$", "$1");
            lines.add(
                    line - 1,
                    indent + "-- slipway:lint-ignore " + String.join(", ", codesByLine.get(line)) + " (" + reason
                            + ")");
        }
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
