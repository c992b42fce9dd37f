package dev.slipway.examples.blog.api;

import dev.slipway.lambda.http.Checks;
import dev.slipway.lambda.http.Validated;
import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /posts}. */
public record NewPost(Long authorId, String title, String body, Boolean published) implements Validated {

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        Checks.required(problems, "authorId", authorId);
        Checks.length(problems, "title", title, 1, 200);
        Checks.length(problems, "body", body, 0, 100_000);
        return problems;
    }
}
