package dev.slipway.schema;

import dev.slipway.core.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL in migrations fenced with {@code -- [jooq ignore start]} / {@code -- [jooq ignore stop]}: it runs on the
 * database, but Slipway's model (the offline check, the diff, lint's view of the schema) never sees it. Listed so
 * that {@code migrate check} and {@code migrate dev} can say what is outside their view instead of passing over
 * it in silence.
 */
public final class FencedSql {

    private FencedSql() {}

    /** Each fenced block of each engine's migrations, as {@code file:first-last}. */
    public static List<String> blocks(MigrationDirectory directory) {
        List<String> blocks = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (MigrationFile file : directory.files(engine)) blocks.addAll(blocks(file.path()));
        }
        return blocks;
    }

    static List<String> blocks(Path file) {
        List<String> blocks = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            int start = -1;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip().toLowerCase(java.util.Locale.ROOT);
                if (line.matches("--\\s*\\[jooq ignore start].*")) start = i + 1;
                if (line.matches("--\\s*\\[jooq ignore stop].*") && start > 0) {
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
