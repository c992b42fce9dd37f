package ${package}.api;

import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.lambda.http.HttpApiHandler;

/**
 * The API function. Handler: {@code ${package}.api.Api::handleRequest}. One instance per Lambda container: its
 * database connection and credentials live as long as the container does.
 */
public class Api extends HttpApiHandler {

    public Api() {
        this(LambdaDatabase.fromEnvironment(System.getenv()));
    }

    /** The routes file's {@code api} routes; SnapStart hooks and priming come with {@link HttpApiHandler}. */
    public Api(LambdaDatabase database) {
        super("api", database, new ItemOperations(database).all());
    }
}
