package dev.slipway.examples.blog.api;

import dev.slipway.lambda.http.Checks;
import dev.slipway.lambda.http.Validated;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /authors}. */
public record NewAuthor(String email, String name) implements Validated {

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        Checks.length(problems, "email", email, 3, 320);
        Checks.email(problems, "email", email);
        Checks.length(problems, "name", name, 1, 200);
        return problems;
    }
}
