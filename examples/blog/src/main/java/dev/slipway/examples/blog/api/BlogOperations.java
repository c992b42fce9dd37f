package dev.slipway.examples.blog.api;

import dev.slipway.examples.blog.BlogStore;
import dev.slipway.examples.blog.db.tables.records.AuthorRecord;
import dev.slipway.examples.blog.db.tables.records.PostRecord;
import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.lambda.exceptions.ApiException;
import dev.slipway.lambda.http.HttpRequest;
import dev.slipway.lambda.http.HttpResponse;
import dev.slipway.lambda.http.Operation;
import dev.slipway.lambda.http.Page;
import java.util.List;
import java.util.Map;

/** The blog's operations, by the names the routes file uses. */
final class BlogOperations {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final LambdaDatabase database;

    BlogOperations(LambdaDatabase database) {
        this.database = database;
    }

    Map<String, Operation> all() {
        return Map.of(
                "createAuthor", this::createAuthor,
                "listAuthors", this::listAuthors,
                "getAuthor", this::getAuthor,
                "createPost", this::createPost,
                "listPosts", this::listPosts,
                "getPost", this::getPost,
                "publishPost", this::publishPost,
                "deletePost", this::deletePost);
    }

    private BlogStore store() {
        return new BlogStore(database.dsl());
    }

    HttpResponse createAuthor(HttpRequest request) {
        NewAuthor body = request.body(NewAuthor.class);
        BlogStore store = store();
        if (store.findAuthorByEmail(body.email().strip()).isPresent()) {
            throw ApiException.conflict("An author with email " + body.email().strip() + " already exists.");
        }
        Author author = Author.of(store.createAuthor(
                body.email().strip(),
                body.name().strip(),
                request.requireCaller().subject()));
        return HttpResponse.created(author, "/authors/" + author.id());
    }

    HttpResponse listAuthors(HttpRequest request) {
        int limit = request.queryInt("limit", DEFAULT_PAGE, 1, MAX_PAGE);
        List<AuthorRecord> rows = store().listAuthors(limit, request.cursor().orElse(null));
        return HttpResponse.ok(Page.of(rows, limit, Author::of, AuthorRecord::getId));
    }

    HttpResponse getAuthor(HttpRequest request) {
        long id = request.idParameter("id");
        return HttpResponse.ok(Author.of(store().findAuthor(id).orElseThrow(() -> noAuthor(id))));
    }

    HttpResponse createPost(HttpRequest request) {
        NewPost body = request.body(NewPost.class);
        BlogStore store = store();
        AuthorRecord author = store.findAuthor(body.authorId())
                .orElseThrow(() -> new ApiException(
                        422,
                        "validation_failed",
                        "authorId: no author with id " + body.authorId() + ".",
                        List.of("authorId: no author with id " + body.authorId())));
        requireOwner(request, java.util.Optional.ofNullable(author.getSubject()), "post as author " + author.getId());
        Post post = Post.of(store.createPost(
                body.authorId(), body.title().strip(), body.body(), Boolean.TRUE.equals(body.published())));
        return HttpResponse.created(post, "/posts/" + post.id());
    }

    HttpResponse listPosts(HttpRequest request) {
        int limit = request.queryInt("limit", DEFAULT_PAGE, 1, MAX_PAGE);
        Long author = request.query().containsKey("author")
                ? (long) request.queryInt("author", 0, 1, Integer.MAX_VALUE)
                : null;
        List<PostRecord> rows = store().listPosts(
                        author,
                        request.queryBoolean("published"),
                        limit,
                        request.cursor().orElse(null));
        return HttpResponse.ok(Page.of(rows, limit, Post::of, PostRecord::getId));
    }

    HttpResponse getPost(HttpRequest request) {
        long id = request.idParameter("id");
        return HttpResponse.ok(Post.of(store().findPost(id).orElseThrow(() -> noPost(id))));
    }

    HttpResponse publishPost(HttpRequest request) {
        long id = request.idParameter("id");
        BlogStore store = store();
        requireOwner(request, store.ownerOfPost(id).orElseThrow(() -> noPost(id)), "publish post " + id);
        if (!store.publish(id)) throw noPost(id);
        return HttpResponse.ok(Post.of(store.findPost(id).orElseThrow(() -> noPost(id))));
    }

    HttpResponse deletePost(HttpRequest request) {
        long id = request.idParameter("id");
        BlogStore store = store();
        requireOwner(request, store.ownerOfPost(id).orElseThrow(() -> noPost(id)), "delete post " + id);
        if (!store.deletePost(id)) throw noPost(id);
        return HttpResponse.noContent();
    }

    /**
     * The caller must be the author's owner (the subject of the token that created it): 403 otherwise, and for an
     * author made before authors had owners.
     */
    private static void requireOwner(HttpRequest request, java.util.Optional<String> owner, String what) {
        String caller = request.requireCaller().subject();
        if (owner.isEmpty() || !owner.get().equals(caller)) {
            throw ApiException.forbidden(
                    "Only the author's owner may " + what + "; the caller ('" + caller + "') is not.");
        }
    }

    private static ApiException noAuthor(long id) {
        return ApiException.notFound("No author with id " + id + ".");
    }

    private static ApiException noPost(long id) {
        return ApiException.notFound("No post with id " + id + ".");
    }
}
