package dev.slipway.migrate.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random schemas and evolutions through Slipway, judged by pg_dump and by MySQL's catalog. The default build runs
 * a few sequences; {@code -Dslipway.fidelity.sequences=N -Dslipway.fidelity.steps=M -Dslipway.fidelity.seed=S}
 * runs more (see docs/schema-fidelity.md) and prints the count of steps and divergences.
 */
class SchemaFidelityIT extends FidelityServers {

    @TempDir
    Path dir;

    @Test
    void randomEvolutions_yieldWhatSchemaSqlSays_onBothEngines() throws Exception {
        int sequences = Integer.getInteger("slipway.fidelity.sequences", 6);
        int steps = Integer.getInteger("slipway.fidelity.steps", 6);
        long firstSeed = Long.getLong("slipway.fidelity.seed", 20261124L);
        boolean checkEachStep = Boolean.getBoolean("slipway.fidelity.checkEachStep");
        FidelityHarness harness = new FidelityHarness(postgres, mysql, mariadb);
        int total = 0;
        List<FidelityHarness.Divergence> divergences = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < sequences; i++) {
            Path project = Files.createDirectories(dir.resolve("seq" + i));
            FidelityHarness.Outcome outcome = harness.run(firstSeed + i, steps, checkEachStep, project);
            total += outcome.steps();
            divergences.addAll(outcome.divergences());
            outcome.divergences().forEach(d -> System.out.println("DIVERGENCE " + d));
            FidelityHarness.deleteTree(project);
            if ((i + 1) % 25 == 0) {
                System.out.printf(
                        "schema fidelity: %d/%d sequences, %d steps, %d divergences so far%n",
                        i + 1, sequences, total, divergences.size());
            }
        }
        System.out.printf(
                "schema fidelity: %d sequences, %d evolution steps on both engines, %d divergences, %.0f s%n",
                sequences, total, divergences.size(), (System.nanoTime() - started) / 1e9);
        assertThat(divergences)
                .as("divergences (each shows its seed and the schema pair)")
                .isEmpty();
    }
}
