package ${package}.api;

import dev.slipway.lambda.http.Checks;
import dev.slipway.lambda.http.Validated;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /items}; a request failing these checks is answered 422 with the problems. */
public record NewItem(String name) implements Validated {
    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        Checks.length(problems, "name", name, 1, 200);
        return problems;
    }
}
