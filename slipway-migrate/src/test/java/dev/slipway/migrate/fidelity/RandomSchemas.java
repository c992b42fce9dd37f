package dev.slipway.migrate.fidelity;

import dev.slipway.migrate.fidelity.GenSchema.GColumn;
import dev.slipway.migrate.fidelity.GenSchema.GForeignKey;
import dev.slipway.migrate.fidelity.GenSchema.GIndex;
import dev.slipway.migrate.fidelity.GenSchema.GTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random desired-state schemas over the surface the README supports, and random evolutions of them. Everything it
 * makes is valid on both engines (foreign keys point at earlier tables or the table itself; keys use indexable
 * types); the point is to see whether Slipway carries it faithfully, not whether it refuses bad input.
 */
final class RandomSchemas {

    static final List<String> SCALAR_TYPES = List.of(
            "smallint",
            "integer",
            "bigint",
            "numeric",
            "real",
            "double precision",
            "boolean",
            "char",
            "varchar",
            "text",
            "date",
            "time",
            "timestamp",
            "timestamp with time zone",
            "uuid",
            "json",
            "jsonb",
            "bytea");
    private static final Set<String> UNINDEXABLE = Set.of("text", "json", "jsonb", "bytea");
    private static final List<String> ACTIONS = List.of("no action", "restrict", "cascade", "set null");
    private static final String LONG = "a_rather_long_name_that_pushes_postgres_identifier_limits";

    private final Random random;
    private int counter;

    RandomSchemas(long seed) {
        this.random = new Random(seed);
    }

    GenSchema schema() {
        GenSchema schema = new GenSchema();
        int tables = 1 + random.nextInt(4);
        for (int i = 0; i < tables; i++) addTable(schema);
        return repaired(schema);
    }

    /** One to three random changes of {@code from}; {@code from} itself is left alone. */
    GenSchema evolve(GenSchema from) {
        GenSchema to = from.copy();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) change(to);
        return repaired(withoutNewLabelsAsDefaults(from, repaired(to)));
    }

    /**
     * A default may not be a label its enum type gains in the same step: PostgreSQL cannot use it in the transaction
     * that adds it, and Slipway refuses that with the two steps that work (EnumTypesTest).
     */
    private static GenSchema withoutNewLabelsAsDefaults(GenSchema from, GenSchema to) {
        for (GTable t : to.tables) {
            for (GColumn c : t.columns) {
                List<String> before = from.enums.get(c.type);
                if (before != null && c.defaultSql != null && !before.contains(unquoted(c.defaultSql))) {
                    c.defaultSql = null;
                }
            }
        }
        return to;
    }

    private static String unquoted(String literal) {
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    /** Drops the checks MySQL refuses: on identity columns, and on columns a foreign key changes ON DELETE. */
    private static GenSchema repaired(GenSchema s) {
        for (GTable t : s.tables) {
            t.checks.removeIf(check -> {
                List<String> words = List.of(check.split("[^a-z0-9_]+"));
                boolean identity = t.columns.stream().anyMatch(c -> c.identity != null && words.contains(c.name));
                boolean acted = t.foreignKeys.stream()
                        .filter(GForeignKey::changesColumns)
                        .anyMatch(fk -> fk.columns().stream().anyMatch(words::contains));
                return identity || acted;
            });
        }
        return s;
    }

    private void change(GenSchema s) {
        GTable t = s.tables.get(random.nextInt(s.tables.size()));
        switch (random.nextInt(19)) {
            case 0 -> addTable(s);
            case 1 -> dropTable(s, t);
            case 2, 3 -> t.columns.add(column(t, "c" + next()));
            case 4 -> dropColumn(s, t);
            case 5, 6 -> changeType(s, t);
            case 7 -> plainColumn(s, t).ifPresent(c -> c.nullable = !c.nullable);
            case 8 -> plainColumn(s, t).ifPresent(c -> c.defaultSql = random.nextBoolean() ? defaultFor(c.type) : null);
            case 9 -> toggle(t.uniques, uniqueCandidate(t));
            case 10 -> addOrDropForeignKey(s, t);
            case 11 -> toggle(t.indexes, indexCandidate(t));
            case 12 -> toggle(t.checks, checkCandidate(t));
            case 13 ->
                t.columns.stream()
                        .filter(c -> c.identity != null)
                        .findFirst()
                        .ifPresent(c -> c.identity = c.identity.equals("always") ? "by default" : "always");
            case 14 -> changeAction(t);
            case 15 -> t.columns.add(enumColumn(s, "c" + next()));
            case 16, 17 -> changeEnums(s);
            default -> t.inline = !t.inline;
        }
    }

    private void addTable(GenSchema s) {
        GTable t = new GTable();
        t.name = random.nextInt(10) == 0 ? LONG + next() : "t" + next();
        t.inline = random.nextBoolean();
        if (random.nextInt(4) == 0) { // composite key
            GColumn a = keyColumn("k" + next());
            GColumn b = keyColumn("k" + next());
            t.columns.add(a);
            t.columns.add(b);
            t.primaryKey.add(a.name);
            t.primaryKey.add(b.name);
            t.keyless = random.nextInt(3) == 0; // the pair stays, as columns, without the key
        } else {
            GColumn id = keyColumn("id");
            if (id.type.endsWith("int") || id.type.equals("integer")) {
                id.identity = random.nextInt(3) == 0 ? "always" : random.nextBoolean() ? "by default" : null;
            }
            t.columns.add(id);
            t.primaryKey.add(id.name);
        }
        int columns = random.nextInt(5);
        for (int i = 0; i < columns; i++) t.columns.add(column(t, "c" + next()));
        s.tables.add(t);
        int fks = random.nextInt(3);
        for (int i = 0; i < fks; i++) addForeignKey(s, t);
        if (random.nextBoolean()) toggle(t.uniques, uniqueCandidate(t));
        if (random.nextBoolean()) toggle(t.indexes, indexCandidate(t));
        if (random.nextBoolean()) toggle(t.checks, checkCandidate(t));
    }

    private GColumn keyColumn(String name) {
        GColumn c = new GColumn();
        c.name = name;
        c.type = pick(List.of(
                "integer",
                "bigint",
                "smallint",
                "varchar(" + (1 + random.nextInt(60)) + ")",
                "char(" + (1 + random.nextInt(8)) + ")",
                "uuid",
                "date"));
        return c;
    }

    private GColumn column(GTable t, String name) {
        GColumn c = new GColumn();
        c.name = random.nextInt(12) == 0 ? "col_" + LONG.substring(0, 20 + random.nextInt(20)) + next() : name;
        c.type = type(pick(SCALAR_TYPES));
        c.nullable = random.nextInt(3) != 0;
        if (random.nextInt(3) == 0) c.defaultSql = defaultFor(c.type);
        c.collateC = c.family().matches("char|varchar|text") && random.nextInt(4) == 0;
        return c;
    }

    private static final List<String> LABELS = List.of("a", "B", "b", "it's", "x y", "\u00e4", "0");

    /** A column of an enum type: a new type (one to three labels, case apart) or one the schema declares. */
    private GColumn enumColumn(GenSchema s, String name) {
        if (s.enums.isEmpty() || random.nextBoolean()) {
            List<String> labels = new ArrayList<>(LABELS);
            java.util.Collections.shuffle(labels, random);
            s.enums.put("e" + next(), new ArrayList<>(labels.subList(0, 1 + random.nextInt(3))));
        }
        String type = pick(List.copyOf(s.enums.keySet()));
        GColumn c = new GColumn();
        c.name = name;
        c.type = type;
        c.nullable = random.nextBoolean();
        if (random.nextBoolean()) c.defaultSql = GenSchema.literal(pick(s.enums.get(type)));
        return c;
    }

    /** Appends a label to an enum type, or drops a type no column uses; never removes or moves a label. */
    private void changeEnums(GenSchema s) {
        if (s.enums.isEmpty()) return;
        String type = pick(List.copyOf(s.enums.keySet()));
        boolean used = s.tables.stream().anyMatch(t -> t.columns.stream().anyMatch(c -> c.type.equals(type)));
        if (!used && random.nextBoolean()) {
            s.enums.remove(type);
        } else {
            s.enums.get(type).add("v" + next());
        }
    }

    String type(String family) {
        return switch (family) {
            case "numeric" -> {
                int p = 4 + random.nextInt(15);
                yield "numeric(" + p + ", " + random.nextInt(Math.min(p, 4) + 1) + ")";
            }
            case "char" -> "char(" + (1 + random.nextInt(10)) + ")";
            case "varchar" -> "varchar(" + (1 + random.nextInt(200)) + ")";
            // fractional seconds 0-6 on half of them (Prisma writes timestamp(3)); the other half keeps the default
            case "time", "timestamp" -> random.nextBoolean() ? family : family + "(" + random.nextInt(7) + ")";
            case "timestamp with time zone" ->
                random.nextBoolean() ? family : "timestamp(" + random.nextInt(7) + ") with time zone";
            default -> family;
        };
    }

    String defaultFor(String type) {
        String family = type.replaceAll("\\(\\d+(, *\\d+)?\\)", "");
        int length = type.matches(".*\\((\\d+)\\)") ? Integer.parseInt(type.replaceAll(".*\\((\\d+)\\)", "$1")) : 9;
        return switch (family) {
            case "smallint", "integer", "bigint" -> Integer.toString(random.nextInt(2000) - 100);
            case "numeric" -> pick(List.of("0", "0.5", "-0.25"));
            case "real", "double precision" -> pick(List.of("1.5", "-2.25", "0"));
            case "boolean" -> random.nextBoolean() ? "true" : "false";
            case "char", "varchar", "text" ->
                "'" + pick(List.of("a", "it''s", "x y", "ab", "0")).substring(0, 1)
                        + (length > 4 && random.nextBoolean() ? "''s" : "") + "'";
            case "date" -> random.nextBoolean() ? "current_date" : "'2040-02-29'";
            case "time" -> "'12:34:56'";
            case "timestamp", "timestamp with time zone" -> "current_timestamp";
            case "jsonb", "json" -> "'{}'";
            default -> null;
        };
    }

    private void dropTable(GenSchema s, GTable t) {
        if (s.tables.size() == 1) return;
        s.tables.remove(t);
        for (GTable other : s.tables)
            other.foreignKeys.removeIf(fk -> fk.table().equals(t.name));
    }

    private void dropColumn(GenSchema s, GTable t) {
        List<GColumn> plain = plainColumns(s, t);
        if (plain.isEmpty()) return;
        GColumn c = pick(plain);
        t.columns.remove(c);
        t.uniques.removeIf(u -> u.contains(c.name));
        t.indexes.removeIf(
                i -> i.columns().stream().anyMatch(n -> n.replace(" desc", "").equals(c.name)));
        t.checks.removeIf(check -> List.of(check.split("[^a-z0-9_]+")).contains(c.name));
        t.foreignKeys.removeIf(fk -> fk.columns().contains(c.name));
    }

    /** Type changes PostgreSQL makes without USING and MySQL without losing the default. */
    private void changeType(GenSchema s, GTable t) {
        plainColumn(s, t).ifPresent(c -> {
            String family = c.family();
            if (family.matches("char|varchar|text") && random.nextInt(3) == 0) {
                c.collateC = !c.collateC; // the order changes, not the values
                return;
            }
            String to = switch (family) {
                case "smallint" -> pick(List.of("integer", "bigint"));
                case "integer" -> pick(List.of("bigint", "smallint"));
                case "bigint" -> "integer";
                case "numeric" -> "numeric(18, 4)";
                case "real" -> "double precision";
                case "varchar" -> random.nextBoolean() ? "text" : "varchar(" + (200 + random.nextInt(100)) + ")";
                case "char" -> pick(List.of("char(10)", "varchar(50)"));
                case "text" -> "varchar(300)";
                case "timestamp" -> "timestamp with time zone";
                case "timestamp with time zone" -> "timestamp";
                default -> null;
            };
            if (to == null) return;
            boolean indexed = t.uniques.stream().anyMatch(u -> u.contains(c.name))
                    || t.indexes.stream().anyMatch(i -> i.columns().stream().anyMatch(n -> n.startsWith(c.name)));
            if (indexed && UNINDEXABLE.contains(to)) return;
            if (c.defaultSql != null && family.equals("text") && c.defaultSql.length() > 300) return;
            c.type = to;
            if (c.defaultSql != null && c.defaultSql.startsWith("'") && family.matches("char|varchar|text")) return;
            if (c.defaultSql != null) c.defaultSql = defaultFor(to);
        });
    }

    private void addOrDropForeignKey(GenSchema s, GTable t) {
        if (!t.foreignKeys.isEmpty() && random.nextBoolean()) {
            GForeignKey fk = pick(t.foreignKeys);
            t.foreignKeys.remove(fk);
        } else {
            addForeignKey(s, t);
        }
    }

    private void addForeignKey(GenSchema s, GTable t) {
        int position = s.tables.indexOf(t);
        GTable target = s.tables.get(random.nextInt(position + 1)); // an earlier table, or itself
        if (target.keyless) return; // nothing to reference
        List<String> columns = new ArrayList<>();
        String prefix =
                (random.nextInt(6) == 0 ? LONG.substring(0, 30) + "_" : "") + target.name.replaceAll("\\d+$", "");
        boolean nullable = random.nextBoolean() || target == t;
        for (String key : target.primaryKey) {
            GColumn referenced = target.column(key);
            GColumn c = new GColumn();
            c.name = (prefix + "_" + key + next());
            c.name = c.name.length() > 60 ? "f" + next() : c.name;
            c.type = referenced.type;
            c.nullable = nullable;
            t.columns.add(c);
            columns.add(c.name);
        }
        List<String> actions = nullable ? ACTIONS : ACTIONS.subList(0, 3);
        String onDelete = random.nextInt(3) == 0 ? null : pick(actions);
        String onUpdate = random.nextInt(3) == 0 ? pick(actions) : null;
        t.foreignKeys.add(new GForeignKey(columns, target.name, List.copyOf(target.primaryKey), onDelete, onUpdate));
        if (random.nextBoolean()) t.indexes.add(new GIndex(List.copyOf(columns), false));
    }

    private void changeAction(GTable t) {
        if (t.foreignKeys.isEmpty()) return;
        GForeignKey fk = pick(t.foreignKeys);
        if (t.checks.stream()
                .anyMatch(check -> fk.columns().stream()
                        .anyMatch(n -> List.of(check.split("[^a-z0-9_]+")).contains(n)))) {
            return; // MySQL refuses an ON DELETE/UPDATE action on a column a check uses
        }
        boolean nullable = fk.columns().stream().allMatch(n -> t.column(n).nullable);
        String action = pick(nullable ? ACTIONS : ACTIONS.subList(0, 3));
        boolean update = random.nextInt(3) == 0;
        GForeignKey changed = new GForeignKey(
                fk.columns(),
                fk.table(),
                fk.references(),
                update ? fk.onDelete() : action,
                update ? action : fk.onUpdate());
        t.foreignKeys.set(t.foreignKeys.indexOf(fk), changed);
    }

    private List<String> uniqueCandidate(GTable t) {
        List<String> columns = indexableColumns(t, 1 + random.nextInt(2));
        return columns.isEmpty() || columns.equals(t.primaryKey) ? null : columns;
    }

    private GIndex indexCandidate(GTable t) {
        List<String> columns = new ArrayList<>(indexableColumns(t, 1 + random.nextInt(3)));
        if (columns.isEmpty()) return null;
        if (random.nextInt(3) == 0) columns.set(0, columns.get(0) + " desc");
        return new GIndex(columns, random.nextInt(4) == 0);
    }

    /** MySQL refuses checks on auto_increment columns and on columns a foreign key changes ON DELETE. */
    private String checkCandidate(GTable t) {
        List<GColumn> allowed = t.columns.stream()
                .filter(c -> c.identity == null)
                .filter(c ->
                        t.foreignKeys.stream().noneMatch(fk -> fk.columns().contains(c.name) && fk.changesColumns()))
                .toList();
        List<GColumn> numbers = allowed.stream()
                .filter(c -> c.family().matches("smallint|integer|bigint|numeric|real|double precision"))
                .toList();
        List<GColumn> strings = t.columns.stream()
                .filter(c -> c.family().matches("varchar|text"))
                .toList();
        if (numbers.size() >= 2 && random.nextBoolean()) {
            return numbers.get(0).name + " <= " + numbers.get(1).name;
        }
        if (!numbers.isEmpty() && random.nextBoolean()) return pick(numbers).name + " >= -1000";
        if (!strings.isEmpty()) return "char_length(" + pick(strings).name + ") > 0";
        return null;
    }

    private List<String> indexableColumns(GTable t, int count) {
        List<String> candidates = new ArrayList<>(t.columns.stream()
                .filter(c -> !UNINDEXABLE.contains(c.family()))
                .filter(c -> !c.family().equals("varchar") || Integer.parseInt(c.type.replaceAll("\\D", "")) <= 200)
                .map(c -> c.name)
                .toList());
        java.util.Collections.shuffle(candidates, random);
        return List.copyOf(candidates.subList(0, Math.min(count, candidates.size())));
    }

    /** A column in no key, foreign key or index of any table, so changing it never breaks another object. */
    private java.util.Optional<GColumn> plainColumn(GenSchema s, GTable t) {
        List<GColumn> plain = plainColumns(s, t);
        return plain.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(pick(plain));
    }

    private List<GColumn> plainColumns(GenSchema s, GTable t) {
        return t.columns.stream()
                .filter(c -> !t.primaryKey.contains(c.name) && c.identity == null)
                .filter(c -> t.foreignKeys.stream().noneMatch(fk -> fk.columns().contains(c.name)))
                .filter(c -> t.uniques.stream().noneMatch(u -> u.contains(c.name)))
                .filter(c -> t.indexes.stream()
                        .noneMatch(i -> i.columns().stream()
                                .anyMatch(n -> n.replace(" desc", "").equals(c.name))))
                .toList();
    }

    private <T> void toggle(List<T> list, T item) {
        if (item == null) return;
        if (list.contains(item)) list.remove(item);
        else list.add(item);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private int next() {
        return counter++;
    }
}
