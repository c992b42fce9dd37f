package dev.slipway.examples.blog.api;

import dev.slipway.examples.blog.db.tables.records.AuthorRecord;
import java.time.OffsetDateTime;

/** An author as the API shows it. */
public record Author(long id, String email, String name, OffsetDateTime createdAt) {

    static Author of(AuthorRecord r) {
        return new Author(r.getId(), r.getEmail(), r.getName(), r.getCreatedAt());
    }
}
