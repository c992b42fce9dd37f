package dev.slipway.local.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second command on a project whose development database is already running (migrate dev while up runs) uses that
 * database instead of failing on PostgreSQL's lock of the data directory, and a file left by an ended process does
 * not stop a new start (issue 23, item 2).
 */
class DevDatabaseSharingIT {

    @Test
    void aSecondStart_usesTheRunningDatabase_andAStaleRecordIsReplaced(@TempDir Path project) throws Exception {
        Path data = project.resolve(".slipway/postgres");
        List<String> said = new ArrayList<>();
        try (DevDatabase up = DevDatabase.start(data, said::add)) {
            try (DevDatabase dev = DevDatabase.start(data, said::add)) {
                assertThat(dev.config().url()).isEqualTo(up.config().url());
                try (Connection c = DriverManager.getConnection(dev.config().url(), "postgres", "")) {
                    c.createStatement().execute("create table shared (id int)");
                }
            }
            assertThat(said).anyMatch(line -> line.contains("Using the embedded development PostgreSQL that process"));
            try (Connection c = DriverManager.getConnection(up.config().url(), "postgres", "")) {
                assertThat(c.createStatement()
                                .executeQuery("select count(*) from shared")
                                .next())
                        .as("the first process's database is still up after the second command ended")
                        .isTrue();
            }
        }
        Path record = project.resolve(".slipway/postgres.running");
        assertThat(record).as("removed when the database stops").doesNotExist();

        Files.writeString(record, "999999999\njdbc:postgresql://127.0.0.1:1/slipway\n"); // a process long gone
        try (DevDatabase again = DevDatabase.start(data, said::add)) {
            try (Connection c = DriverManager.getConnection(again.config().url(), "postgres", "")) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }
}
