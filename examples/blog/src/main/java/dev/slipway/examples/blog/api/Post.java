package dev.slipway.examples.blog.api;

import dev.slipway.examples.blog.db.tables.records.PostRecord;
import java.time.OffsetDateTime;

/** A post as the API shows it. */
public record Post(long id, String title, String body, boolean published, long authorId, OffsetDateTime createdAt) {

    static Post of(PostRecord r) {
        return new Post(r.getId(), r.getTitle(), r.getBody(), r.getPublished(), r.getAuthorId(), r.getCreatedAt());
    }
}
