package ${package}.api;

import dev.slipway.core.routes.RoutesFile;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.lambda.http.HttpApiHandler;
import dev.slipway.lambda.snapstart.Priming;
import dev.slipway.lambda.snapstart.SnapStartHooks;

/**
 * The API function. Handler: {@code ${package}.api.Api::handleRequest}. One instance per Lambda container: its
 * database connection and credentials live as long as the container does.
 */
public class Api extends HttpApiHandler {

    private final SnapStartHooks snapStart; // referenced so that CRaC keeps the hooks

    public Api() {
        this(LambdaDatabase.fromEnvironment(System.getenv()));
    }

    public Api(LambdaDatabase database) {
        super("api", RoutesFile.fromClasspath("routes"), new ItemOperations(database).all());
        this.snapStart = SnapStartHooks.register(database);
        Priming.prime(database.dialect());
        primeRoutes(database); // before a SnapStart snapshot: every route once, on no database
    }
}
