package dev.slipway.schema;

import dev.slipway.core.Engine;
import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.internal.DdlRenderer;
import dev.slipway.schema.internal.HandWrittenDrops;
import dev.slipway.schema.internal.SchemaEngine;
import dev.slipway.schema.internal.SourceLines;
import dev.slipway.schema.model.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the next migration: diffs the schema the existing migrations produce against {@code schema.sql} and
 * renders the change for every engine.
 */
public final class MigrationGenerator {

    private final Map<Engine, Replay> replayed = new EnumMap<>(Engine.class);
    private Schema desired;
    private String desiredKey;
    private final Path schemaFile;
    private final MigrationDirectory migrations;
    private final Set<Engine> engines;

    public MigrationGenerator(Path schemaFile, Path migrationsRoot) {
        this(schemaFile, migrationsRoot, Engine.BOTH);
    }

    /**
     * A generator for a project whose migrations are for {@code engines} ({@code slipway.engines}): both, or
     * PostgreSQL alone. MySQL alone is refused: the state of the schema is read back from the PostgreSQL migrations,
     * since MySQL's keep less than schema.sql says ({@code timestamp} and {@code timestamp with time zone} are both
     * {@code datetime}).
     */
    public MigrationGenerator(Path schemaFile, Path migrationsRoot, Set<Engine> engines) {
        if (!engines.contains(SchemaEngine.CANONICAL)) {
            throw new SchemaException(
                    SchemaErrorCode.INVALID_SCHEMA,
                    "slipway.engines="
                            + String.join(",", engines.stream().map(Engine::id).toList())
                            + " is not supported: Slipway reads the state of the schema back from the PostgreSQL"
                            + " migrations (MySQL's keep less: timestamp and timestamp with time zone are both"
                            + " datetime). Use postgresql,mysql (the default) or postgresql.");
        }
        this.schemaFile = schemaFile;
        this.migrations = new MigrationDirectory(migrationsRoot);
        this.engines = Set.copyOf(engines);
    }

    /** The engines this generator writes migrations for. */
    public Set<Engine> engines() {
        return engines;
    }

    /** The changes still missing from the migrations; empty when they already yield {@code schema.sql}. */
    public List<SchemaChange> pendingChanges() {
        migrations.requireEnginesAgree(engines);
        return SchemaDiff.between(current(), desired());
    }

    /** schema.sql, parsed again only when its text changed since the last parse. */
    private Schema desired() {
        String text = contentKey(List.of(schemaFile));
        if (desired == null || !text.equals(desiredKey)) {
            desired = SchemaReader.read(schemaFile, engines);
            desiredKey = text;
        }
        return desired;
    }

    /** The schema the existing migrations produce (read from the PostgreSQL scripts, else the MySQL ones). */
    public Schema current() {
        for (Engine engine : Engine.values()) {
            if (!migrations.files(engine).isEmpty()) return replayed(engine);
        }
        return Schema.EMPTY;
    }

    /**
     * What {@code engine}'s migrations produce, replayed again only when a file of them was added or changed since:
     * the plan and the lint of the new scripts share one replay (migrate dev replayed the PostgreSQL history three
     * times and parsed schema.sql twice). Reading the files to notice a change costs a fraction of replaying them.
     */
    public Schema replayed(Engine engine) {
        List<MigrationFile> files = migrations.files(engine);
        String key = contentKey(files.stream().map(MigrationFile::path).toList());
        Replay known = replayed.get(engine);
        if (known != null && known.key().equals(key)) return known.schema();
        Schema schema = SchemaReader.replay(files, engine);
        replayed.put(engine, new Replay(key, schema));
        return schema;
    }

    private record Replay(String key, Schema schema) {}

    /** The files' names and texts, as one string to compare (a missing file reads as empty). */
    private static String contentKey(List<Path> files) {
        StringBuilder key = new StringBuilder();
        for (Path file : files) {
            key.append(file).append('\0');
            try {
                key.append(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException unreadable) {
                key.append("\0unreadable");
            }
            key.append('\0');
        }
        return key.toString();
    }

    /**
     * The statements the next migration needs on engines other than PostgreSQL to bring columns written by an older
     * Slipway to today's mapping (on MySQL: {@code timestamp with time zone} as {@code DATETIME(6)}, not {@code
     * TIMESTAMP}; text with the collation that compares as PostgreSQL does), each group after its note; empty when
     * none.
     */
    public List<String> mysqlUpgrades() {
        Schema desired = desired();
        return SchemaEngine.of(engines).stream()
                .flatMap(target -> upgrades(target, desired).stream())
                .toList();
    }

    private List<String> upgrades(SchemaEngine target, Schema desired) {
        List<DdlInterpreter.Source> scripts = new ArrayList<>();
        for (MigrationFile file : migrations.files(target.engine())) {
            scripts.add(new DdlInterpreter.Source(file.path().toString(), SchemaReader.readFile(file.path(), "")));
        }
        return target.upgrades(scripts, desired);
    }

    /** Plans the next migration without writing it; empty when there is nothing to migrate. */
    public Optional<GeneratedMigration> plan(String name) {
        String description = description(name);
        migrations.requireEnginesAgree(engines);
        Schema current = current();
        Schema desired = desired();
        List<SchemaChange> changes = changes(current, desired);
        Map<Engine, String> sql = new EnumMap<>(Engine.class);
        Map<Engine, List<String>> upgrades = new EnumMap<>(Engine.class);
        for (SchemaEngine target : SchemaEngine.of(engines)) {
            sql.put(target.engine(), render(target, target.ownChanges(current, desired, changes)));
            upgrades.put(target.engine(), upgrades(target, desired));
        }
        if (changes.isEmpty() && upgrades.values().stream().allMatch(List::isEmpty)) return Optional.empty();
        if (changes.isEmpty()) {
            upgrades.forEach((engine, own) -> {
                if (own.isEmpty()) {
                    sql.put(
                            engine,
                            sql.get(engine) + "\n-- Nothing changes on "
                                    + SchemaEngine.of(engine).displayName() + " in this version.\n");
                }
            });
        }
        List<String> notes = HandWrittenDrops.notes(changes, migrations.files(SchemaEngine.CANONICAL));
        if (!notes.isEmpty()) {
            String block = String.join("\n", notes) + "\n";
            sql.replaceAll((engine, script) ->
                    script.replaceFirst("\n", "\n" + java.util.regex.Matcher.quoteReplacement(block)));
        }
        upgrades.forEach((engine, own) -> {
            StringBuilder script = new StringBuilder(sql.get(engine));
            own.forEach(statement ->
                    script.append('\n').append(statement).append(statement.startsWith("--") ? "\n" : ";\n"));
            sql.put(engine, script.toString());
        });
        return Optional.of(new GeneratedMigration(migrations.nextVersion().toString(), description, changes, sql));
    }

    /** The diff; a change Slipway does not generate names its line in schema.sql. */
    private List<SchemaChange> changes(Schema current, Schema desired) {
        try {
            return SchemaDiff.between(current, desired);
        } catch (SchemaException e) {
            String sql;
            try {
                sql = Files.readString(schemaFile);
            } catch (IOException unreadable) {
                throw e;
            }
            throw SourceLines.withSchemaLine(e, schemaFile.toString(), sql);
        }
    }

    /** Writes the planned migration's files and returns their paths, one per engine. */
    public List<Path> write(GeneratedMigration migration) {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Engine, String> entry : migration.sql().entrySet()) {
            Path dir = migrations.engineDirectory(entry.getKey());
            Path file = dir.resolve(migration.fileName());
            try {
                Files.createDirectories(dir);
                Files.writeString(file, entry.getValue(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new SchemaException(SchemaErrorCode.IO_ERROR, "Cannot write " + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        verifyReplay();
        return written;
    }

    /** Renders changes as one script for {@code engine}. */
    public static String render(Engine engine, List<SchemaChange> changes) {
        return render(SchemaEngine.of(engine), changes);
    }

    private static String render(SchemaEngine target, List<SchemaChange> changes) {
        DdlRenderer renderer = target.renderer();
        StringBuilder sql = new StringBuilder("-- Generated by slipway from schema.sql for ")
                .append(target.engine().id())
                .append(". Review it; edit by hand if needed, then run 'slipway migrate check'.\n");
        for (SchemaChange change : changes) {
            for (String statement : renderer.render(change)) {
                sql.append('\n').append(statement).append(";\n");
            }
        }
        return sql.toString();
    }

    /** Guards against a renderer bug: the new files must replay to exactly the desired schema. */
    private void verifyReplay() {
        List<SchemaChange> left = SchemaDiff.between(current(), desired());
        if (!left.isEmpty()) {
            throw new SchemaException(
                    SchemaErrorCode.INVALID_MIGRATIONS,
                    "The generated migration does not reproduce " + schemaFile + "; still different: " + left
                            + ". This is a Slipway bug: please report it with your schema.sql.");
        }
    }

    static String description(String name) {
        String cleaned =
                name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        cleaned = cleaned.replaceAll("^_+|_+$", "");
        if (cleaned.isEmpty()) {
            throw new SchemaException(
                    SchemaErrorCode.INVALID_MIGRATIONS,
                    "A migration needs a name made of letters or digits, e.g. --name add_post_index.");
        }
        return cleaned;
    }
}
