package dev.slipway.lambda.migrations;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Ends a custom-resource deploy with a reason before Lambda ends the function: a migration that runs past the
 * function's time would otherwise leave a raw custom resource unanswered (CloudFormation waits an hour) and a
 * Provider-framework one with only "Task timed out". The deploy runs on a thread of its own; when only {@link
 * #ANSWER_MARGIN} of the function's time is left, the wait ends with the reason and the fix. The migration itself
 * may still finish before Lambda freezes the function; the next deploy then finds it applied, or not at all on
 * PostgreSQL.
 */
final class FunctionDeadline {

    /** Left to PUT the answer to CloudFormation (or return it to the Provider). */
    static final Duration ANSWER_MARGIN = Duration.ofSeconds(5);

    private FunctionDeadline() {}

    static <T> T within(Duration remaining, Supplier<T> work) {
        Duration wait = remaining.minus(ANSWER_MARGIN);
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = Thread.ofPlatform().daemon().name("slipway-deploy").start(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new IllegalStateException("The migrations did not finish within the migration function's time ("
                    + remaining.toSeconds() + " s were left when the deploy started). They may still complete; the"
                    + " next deploy finds them applied or pending. Raise the function's timeout"
                    + " (SlipwayMigrations.Props.withTimeout, at most 15 minutes), or run long migrations as an ECS"
                    + " task (SlipwayMigrations.TaskProps).");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the migrations ran", e);
        }
    }
}
