package dev.slipway.schema;

import dev.slipway.core.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL in migrations fenced with {@code -- [jooq ignore start]} / {@code -- [jooq ignore stop]}: it runs on the
 * database, but Slipway's model (the offline check, the diff, lint's view of the schema) never sees it. Listed so
 * that {@code migrate check} and {@code migrate dev} can say what is outside their view instead of passing over
 * it in silence.
 */
public final class FencedSql {

    /** A line that opens or closes a fence, as jOOQ's parser reads it. */
    private static final Pattern MARKER =
            Pattern.compile("^\\s*--\\s*\\[jooq ignore (start|stop)].*", Pattern.CASE_INSENSITIVE);

    private FencedSql() {}

    /** Each fenced block of each engine's migrations, as {@code file:first-last}. */
    public static List<String> blocks(MigrationDirectory directory) {
        List<String> blocks = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (MigrationFile file : directory.files(engine)) blocks.addAll(blocks(file.path()));
        }
        return blocks;
    }

    /** The 1-based line of the first fence marker in {@code sql}; 0 when it has none. */
    public static int firstMarkerLine(String sql) {
        List<String> lines = sql.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (MARKER.matcher(lines.get(i)).matches()) return i + 1;
        }
        return 0;
    }

    static List<String> blocks(Path file) {
        List<String> blocks = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (!marker.matches()) continue;
                if (marker.group(1).equalsIgnoreCase("start")) {
                    start = i + 1;
                } else if (start > 0) {
                    blocks.add(file + ":" + start + "-" + (i + 1));
                    start = -1;
                }
            }
            if (start > 0) blocks.add(file + ":" + start + "-end (no '-- [jooq ignore stop]')");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return blocks;
    }
}
