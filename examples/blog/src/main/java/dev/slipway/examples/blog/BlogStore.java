package dev.slipway.examples.blog;

import static dev.slipway.examples.blog.db.Tables.AUTHOR;
import static dev.slipway.examples.blog.db.Tables.POST;

import dev.slipway.examples.blog.db.tables.records.AuthorRecord;
import dev.slipway.examples.blog.db.tables.records.PostRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The blog's data access, written against the jOOQ classes generated from {@code schema.sql}: a column renamed
 * in the schema is a compile error here, not a runtime surprise. The same code runs on PostgreSQL and MySQL.
 */
public final class BlogStore {

    private final DSLContext db;

    public BlogStore(DSLContext db) {
        this.db = db;
    }

    public AuthorRecord createAuthor(String email, String name) {
        return createAuthor(email, name, null);
    }

    /** An author whose posts only the caller with token subject {@code subject} may write. */
    public AuthorRecord createAuthor(String email, String name, String subject) {
        return db.insertInto(AUTHOR)
                .set(AUTHOR.EMAIL, email)
                .set(AUTHOR.NAME, name)
                .set(AUTHOR.SUBJECT, subject)
                .returning()
                .fetchSingle();
    }

    /** The token subject that owns the author of post {@code postId}; empty when there is no such post. */
    public Optional<Optional<String>> ownerOfPost(long postId) {
        return db.select(AUTHOR.SUBJECT)
                .from(POST)
                .join(AUTHOR)
                .on(AUTHOR.ID.eq(POST.AUTHOR_ID))
                .where(POST.ID.eq(postId))
                .fetchOptional(r -> Optional.ofNullable(r.value1()));
    }

    public Optional<AuthorRecord> findAuthorByEmail(String email) {
        return db.selectFrom(AUTHOR).where(AUTHOR.EMAIL.eq(email)).fetchOptional();
    }

    public PostRecord createPost(long authorId, String title, String body) {
        return createPost(authorId, title, body, false);
    }

    public PostRecord createPost(long authorId, String title, String body, boolean published) {
        return db.insertInto(POST)
                .set(POST.AUTHOR_ID, authorId)
                .set(POST.TITLE, title)
                .set(POST.BODY, body)
                .set(POST.PUBLISHED, published)
                .returning()
                .fetchSingle();
    }

    /** Publishes a post; false when there is no such post. */
    public boolean publish(long postId) {
        return db.update(POST)
                        .set(POST.PUBLISHED, true)
                        .where(POST.ID.eq(postId))
                        .execute()
                == 1;
    }

    /** An author's published posts, newest first. */
    public List<PostRecord> publishedPostsBy(long authorId) {
        return db.selectFrom(POST)
                .where(POST.AUTHOR_ID.eq(authorId).and(POST.PUBLISHED))
                .orderBy(POST.CREATED_AT.desc(), POST.ID.desc())
                .fetch();
    }

    public Optional<AuthorRecord> findAuthor(long id) {
        return db.selectFrom(AUTHOR).where(AUTHOR.ID.eq(id)).fetchOptional();
    }

    /** Authors by id, newest first, after the cursor (an id) when given: keyset pagination. */
    public List<AuthorRecord> listAuthors(int limit, Long beforeId) {
        Condition page = beforeId == null ? DSL.noCondition() : AUTHOR.ID.lt(beforeId);
        return db.selectFrom(AUTHOR)
                .where(page)
                .orderBy(AUTHOR.ID.desc())
                .limit(limit)
                .fetch();
    }

    public Optional<PostRecord> findPost(long id) {
        return db.selectFrom(POST).where(POST.ID.eq(id)).fetchOptional();
    }

    /** Posts by id, newest first, filtered by author and published state when given; keyset pagination. */
    public List<PostRecord> listPosts(Long authorId, Boolean published, int limit, Long beforeId) {
        List<Condition> where = new ArrayList<>();
        if (authorId != null) where.add(POST.AUTHOR_ID.eq(authorId));
        if (published != null) where.add(POST.PUBLISHED.eq(published));
        if (beforeId != null) where.add(POST.ID.lt(beforeId));
        return db.selectFrom(POST)
                .where(where)
                .orderBy(POST.ID.desc())
                .limit(limit)
                .fetch();
    }

    /** Deletes a post; false when there is no such post. */
    public boolean deletePost(long id) {
        return db.deleteFrom(POST).where(POST.ID.eq(id)).execute() == 1;
    }
}
