package dev.slipway.examples.blog.api;

import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.lambda.http.HttpApiHandler;

/**
 * The blog API function. Handler: {@code dev.slipway.examples.blog.api.BlogApi::handleRequest}. One instance per
 * container: the database connection and credentials live as long as it does.
 */
public class BlogApi extends HttpApiHandler {

    public BlogApi() {
        this(LambdaDatabase.fromEnvironment(System.getenv()));
    }

    /** The routes file's {@code api} routes; SnapStart hooks and priming come with {@link HttpApiHandler}. */
    public BlogApi(LambdaDatabase database) {
        super("api", database, new BlogOperations(database).all());
    }
}
