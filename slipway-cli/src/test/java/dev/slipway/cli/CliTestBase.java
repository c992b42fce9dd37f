package dev.slipway.cli;

import dev.slipway.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process from a project directory of the test's own, with its output kept for assertions. */
abstract class CliTestBase {

    @TempDir
    Path cwd;

    final Map<String, String> env = new HashMap<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int slipway(String... args) {
        out.reset();
        err.reset();
        CliContext context = new CliContext(
                env,
                cwd,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = Slipway.run(context, args);
        // shown in the failsafe report when an assertion on this run fails
        System.out.printf("slipway %s -> %d%n%s%s%n", String.join(" ", args), exit, out(), err());
        return exit;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static void sql(TestDatabase db, String sql) throws java.sql.SQLException {
        try (java.sql.Connection c = db.connect();
                java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static java.util.List<String> rows(TestDatabase db, String query) throws java.sql.SQLException {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (java.sql.Connection c = db.connect();
                java.sql.ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) rows.add(rs.getString(1));
        }
        return rows;
    }
}
