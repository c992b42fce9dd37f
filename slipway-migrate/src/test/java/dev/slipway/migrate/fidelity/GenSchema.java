package dev.slipway.migrate.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The random generator's own model of a schema, printed as a desired-state schema.sql. Deliberately separate from
 * Slipway's model and renderer, so a bug there cannot hide itself here.
 */
final class GenSchema {

    final List<GTable> tables = new ArrayList<>();
    /** Enum types, name to labels (raw, not yet quoted), declared before the tables. */
    final java.util.Map<String, List<String>> enums = new java.util.LinkedHashMap<>();

    static final class GColumn {
        String name;
        String type;
        boolean nullable;
        String identity; // null, "by default" or "always"
        String defaultSql;
        /** Text declared collate "C" (sorted by code point). */
        boolean collateC;

        GColumn copy() {
            GColumn c = new GColumn();
            c.name = name;
            c.type = type;
            c.nullable = nullable;
            c.identity = identity;
            c.defaultSql = defaultSql;
            c.collateC = collateC;
            return c;
        }

        String family() {
            return type.replaceAll("\\(\\d+(, *\\d+)?\\)", "");
        }
    }

    record GForeignKey(List<String> columns, String table, List<String> references, String onDelete, String onUpdate) {
        /** Whether an action of this key changes its columns (MySQL then refuses checks on them). */
        boolean changesColumns() {
            return (onDelete != null && onDelete.matches("cascade|set null"))
                    || (onUpdate != null && onUpdate.matches("cascade|set null"));
        }
    }

    record GIndex(List<String> columns, boolean unique) {}

    static final class GTable {
        String name;
        boolean inline;
        /** Its key columns are declared without a primary key (a join table of some real schemas). */
        boolean keyless;

        List<GColumn> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<List<String>> uniques = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<GForeignKey> foreignKeys = new ArrayList<>();
        List<GIndex> indexes = new ArrayList<>();

        GColumn column(String name) {
            return columns.stream().filter(c -> c.name.equals(name)).findFirst().orElse(null);
        }

        GTable copy() {
            GTable t = new GTable();
            t.name = name;
            t.inline = inline;
            t.keyless = keyless;
            columns.forEach(c -> t.columns.add(c.copy()));
            t.primaryKey = new ArrayList<>(primaryKey);
            uniques.forEach(u -> t.uniques.add(new ArrayList<>(u)));
            t.checks = new ArrayList<>(checks);
            t.foreignKeys = new ArrayList<>(foreignKeys);
            t.indexes = new ArrayList<>(indexes);
            return t;
        }
    }

    static String literal(String raw) {
        return "'" + raw.replace("'", "''") + "'";
    }

    GTable table(String name) {
        return tables.stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
    }

    GenSchema copy() {
        GenSchema s = new GenSchema();
        tables.forEach(t -> s.tables.add(t.copy()));
        enums.forEach((name, labels) -> s.enums.put(name, new ArrayList<>(labels)));
        return s;
    }

    String toSql() {
        StringBuilder sql = new StringBuilder("-- generated\n");
        enums.forEach((name, labels) -> sql.append("create type ")
                .append(name)
                .append(" as enum (")
                .append(labels.stream().map(GenSchema::literal).collect(Collectors.joining(", ")))
                .append(");\n"));
        for (GTable t : tables) {
            List<String> parts = new ArrayList<>();
            boolean inlinePk = t.inline && t.primaryKey.size() == 1 && !t.keyless;
            for (GColumn c : t.columns) {
                StringBuilder col = new StringBuilder(c.name + " " + c.type + (c.collateC ? " collate \"C\"" : ""));
                if (c.identity != null)
                    col.append(" generated ").append(c.identity).append(" as identity");
                if (inlinePk && t.primaryKey.get(0).equals(c.name)) col.append(" primary key");
                else if (!c.nullable || (t.keyless && t.primaryKey.contains(c.name))) col.append(" not null");
                if (c.defaultSql != null) col.append(" default ").append(c.defaultSql);
                parts.add(col.toString());
            }
            if (!inlinePk && !t.keyless) parts.add("primary key (" + String.join(", ", t.primaryKey) + ")");
            t.uniques.forEach(u -> parts.add("unique (" + String.join(", ", u) + ")"));
            t.checks.forEach(c -> parts.add("check (" + c + ")"));
            for (GForeignKey fk : t.foreignKeys) {
                parts.add("foreign key (" + String.join(", ", fk.columns()) + ") references " + fk.table() + " ("
                        + String.join(", ", fk.references()) + ")"
                        + (fk.onDelete() == null ? "" : " on delete " + fk.onDelete())
                        + (fk.onUpdate() == null ? "" : " on update " + fk.onUpdate()));
            }
            sql.append("create table ")
                    .append(t.name)
                    .append(" (\n  ")
                    .append(String.join(",\n  ", parts))
                    .append("\n);\n");
            for (GIndex index : t.indexes) {
                sql.append("create ")
                        .append(index.unique() ? "unique " : "")
                        .append("index on ")
                        .append(t.name)
                        .append(" (")
                        .append(index.columns().stream().collect(Collectors.joining(", ")))
                        .append(");\n");
            }
        }
        return sql.toString();
    }
}
