package ${package}.api;

import ${package}.db.tables.records.ItemRecord;
import java.time.OffsetDateTime;

/** An item as the API shows it. */
public record Item(long id, String name, OffsetDateTime createdAt) {
    static Item of(ItemRecord r) {
        return new Item(r.getId(), r.getName(), r.getCreatedAt());
    }
}
