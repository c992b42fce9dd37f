package dev.slipway.migrate.fidelity;

import dev.slipway.migrate.fidelity.GenSchema.GColumn;
import dev.slipway.migrate.fidelity.GenSchema.GTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Shrinks a failing evolution step (schema before -> schema after) to a smallest pair that still fails: greedily
 * removes, from both sides at once, whole tables, columns (with what uses them), and single keys, checks and
 * indexes, keeping each removal after which the pair still fails, until no single removal does. The result is what
 * a regression test keeps.
 */
final class Shrinker {

    /** One evolution step; {@code before} is empty for a first schema. */
    record Step(GenSchema before, GenSchema after) {
        List<String> sqls() {
            return before == null ? List.of(after.toSql()) : List.of(before.toSql(), after.toSql());
        }

        Step edited(Consumer<GenSchema> edit) {
            GenSchema b = before == null ? null : before.copy();
            GenSchema a = after.copy();
            if (b != null) edit.accept(b);
            edit.accept(a);
            return new Step(b, a);
        }

        int size() {
            return count(after) + (before == null ? 0 : count(before));
        }

        private static int count(GenSchema s) {
            int n = 0;
            for (GTable t : s.tables) {
                n += 1
                        + t.columns.size()
                        + t.uniques.size()
                        + t.checks.size()
                        + t.foreignKeys.size()
                        + t.indexes.size();
            }
            return n;
        }
    }

    private Shrinker() {}

    static Step shrink(Step failing, Predicate<Step> stillFails) {
        Step current = failing;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Consumer<GenSchema> removal : removals(current)) {
                Step candidate = current.edited(removal);
                if (candidate.after().tables.isEmpty() || candidate.size() >= current.size()) continue;
                if (stillFails.test(candidate)) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Every single removal that applies to the step, biggest first. */
    private static List<Consumer<GenSchema>> removals(Step step) {
        List<Consumer<GenSchema>> out = new ArrayList<>();
        List<GenSchema> sides = step.before() == null ? List.of(step.after()) : List.of(step.before(), step.after());
        for (GenSchema side : sides) {
            for (GTable t : side.tables) out.add(s -> removeTable(s, t.name));
        }
        for (GenSchema side : sides) {
            for (GTable t : side.tables) {
                for (GColumn c : t.columns) {
                    if (!t.primaryKey.contains(c.name)) out.add(s -> removeColumn(s, t.name, c.name));
                }
                for (var fk : t.foreignKeys) out.add(s -> inTable(s, t.name, x -> x.foreignKeys.remove(fk)));
                for (var u : t.uniques) out.add(s -> inTable(s, t.name, x -> x.uniques.remove(u)));
                for (var check : t.checks) out.add(s -> inTable(s, t.name, x -> x.checks.remove(check)));
                for (var index : t.indexes) out.add(s -> inTable(s, t.name, x -> x.indexes.remove(index)));
                for (GColumn c : t.columns) {
                    if (c.defaultSql != null)
                        out.add(s -> inTable(s, t.name, x -> {
                            GColumn column = x.column(c.name);
                            if (column != null) column.defaultSql = null;
                        }));
                }
            }
        }
        return out;
    }

    private static void inTable(GenSchema s, String table, Consumer<GTable> edit) {
        GTable t = s.table(table);
        if (t != null) edit.accept(t);
    }

    private static void removeTable(GenSchema s, String name) {
        s.tables.removeIf(t -> t.name.equals(name));
        for (GTable other : s.tables)
            other.foreignKeys.removeIf(fk -> fk.table().equals(name));
    }

    private static void removeColumn(GenSchema s, String table, String column) {
        inTable(s, table, t -> {
            t.columns.removeIf(c -> c.name.equals(column));
            t.uniques.removeIf(u -> u.contains(column));
            t.indexes.removeIf(i ->
                    i.columns().stream().anyMatch(n -> n.replace(" desc", "").equals(column)));
            t.checks.removeIf(check -> List.of(check.split("[^a-z0-9_]+")).contains(column));
            t.foreignKeys.removeIf(fk -> fk.columns().contains(column));
        });
        for (GTable other : s.tables) {
            other.foreignKeys.removeIf(
                    fk -> fk.table().equals(table) && fk.references().contains(column));
        }
    }

    /** The step as a test method to paste into {@code EngineFidelityRegressionIT}. */
    static String asRegressionTest(long seed, int stepIndex, Step step) {
        StringBuilder test = new StringBuilder("    @Test\n    void seed" + seed + "Step" + stepIndex
                + "_NAME_WHAT_IT_SHOWS() throws Exception {\n        assertFaithful(");
        List<String> sqls = step.sqls();
        for (int i = 0; i < sqls.size(); i++) {
            test.append(i == 0 ? "\n" : ",\n").append("                \"\"\"\n");
            for (String line : sqls.get(i).split("\n"))
                test.append("                ").append(line).append('\n');
            test.append("                \"\"\"");
        }
        return test.append(");\n    }\n").toString();
    }
}
