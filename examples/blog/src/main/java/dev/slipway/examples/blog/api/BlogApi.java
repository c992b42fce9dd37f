package dev.slipway.examples.blog.api;

import dev.slipway.core.routes.RoutesFile;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.lambda.http.HttpApiHandler;
import dev.slipway.lambda.snapstart.Priming;
import dev.slipway.lambda.snapstart.SnapStartHooks;

/**
 * The blog API function. Handler: {@code dev.slipway.examples.blog.api.BlogApi::handleRequest}. One instance per
 * container: the database connection and credentials live as long as it does.
 */
public class BlogApi extends HttpApiHandler {

    private final SnapStartHooks snapStart; // referenced so CRaC keeps the hooks

    public BlogApi() {
        this(LambdaDatabase.fromEnvironment(System.getenv()));
    }

    public BlogApi(LambdaDatabase database) {
        super("api", RoutesFile.fromClasspath("routes"), new BlogOperations(database).all());
        this.snapStart = SnapStartHooks.register(database);
        Priming.prime(database.dialect());
        primeRoutes(database); // before a SnapStart snapshot: every route once, on no database
    }
}
