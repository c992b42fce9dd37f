package dev.slipway.migrate;

import java.util.List;

/**
 * The outcome of {@link SchemaCheck}.
 *
 * @param differences what the migrations and schema.sql disagree on; empty when they agree
 * @param fix what to do about it
 */
public record CheckResult(List<String> differences, String fix) {

    public static CheckResult ok() {
        return new CheckResult(List.of(), "");
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
