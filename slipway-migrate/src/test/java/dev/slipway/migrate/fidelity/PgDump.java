package dev.slipway.migrate.fidelity;

import dev.slipway.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL oracle: {@code pg_dump --schema-only} of a database, without Flyway's table, comments, session
 * settings and the random {@code \restrict} key, and with the columns of each CREATE TABLE sorted (a column a
 * migration adds lands last; schema.sql may declare it in the middle).
 */
final class PgDump {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?s)(CREATE TABLE [^(]+\\(\n)(.*?)(\n\\);)");

    private PgDump() {}

    static String binary() {
        String configured = System.getenv("SLIPWAY_TEST_PG_DUMP");
        return configured == null || configured.isBlank() ? "pg_dump" : configured;
    }

    /** Whether this machine's pg_dump can dump the test server's databases (same or newer major version). */
    static String unavailableReason(TestDatabase db) {
        try {
            dump(db);
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    static String dump(TestDatabase db) {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(
                binary(),
                "--schema-only",
                "--no-owner",
                "--no-privileges",
                "--exclude-table=flyway_schema_history",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U",
                db.user(),
                "-d",
                db.name()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", db.password() == null ? "" : db.password());
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump failed: " + out.strip());
            }
            return normalize(out);
        } catch (IOException e) {
            throw new IllegalStateException("pg_dump is not available (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String normalize(String dump) {
        StringBuilder kept = new StringBuilder();
        for (String line : dump.split("\n")) {
            if (line.isBlank()
                    || line.startsWith("--")
                    || line.startsWith("SET ")
                    || line.startsWith("\\")
                    || line.startsWith("SELECT pg_catalog.set_config")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        Matcher m = CREATE_TABLE.matcher(kept);
        StringBuilder sorted = new StringBuilder();
        while (m.find()) {
            List<String> columns = new ArrayList<>();
            for (String column : m.group(2).split("\n")) columns.add(column.replaceAll(",$", ""));
            columns.sort(null);
            m.appendReplacement(
                    sorted, Matcher.quoteReplacement(m.group(1) + String.join(",\n", columns) + m.group(3)));
        }
        m.appendTail(sorted);
        return sorted.toString();
    }
}
