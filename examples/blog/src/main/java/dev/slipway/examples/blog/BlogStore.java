package dev.slipway.examples.blog;

import static dev.slipway.examples.blog.db.Tables.AUTHOR;
import static dev.slipway.examples.blog.db.Tables.POST;

import dev.slipway.examples.blog.db.tables.records.AuthorRecord;
import dev.slipway.examples.blog.db.tables.records.PostRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

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
        return db.insertInto(AUTHOR)
                .set(AUTHOR.EMAIL, email)
                .set(AUTHOR.NAME, name)
                .returning()
                .fetchSingle();
    }

    public Optional<AuthorRecord> findAuthorByEmail(String email) {
        return db.selectFrom(AUTHOR).where(AUTHOR.EMAIL.eq(email)).fetchOptional();
    }

    public PostRecord createPost(long authorId, String title, String body) {
        return db.insertInto(POST)
                .set(POST.AUTHOR_ID, authorId)
                .set(POST.TITLE, title)
                .set(POST.BODY, body)
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
}
