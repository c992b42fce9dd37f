package ${package}.api;

import static ${package}.db.Tables.ITEM;

import dev.slipway.lambda.db.LambdaDatabase;
import dev.slipway.lambda.exceptions.ApiException;
import dev.slipway.lambda.http.HttpRequest;
import dev.slipway.lambda.http.HttpResponse;
import dev.slipway.lambda.http.Operation;
import dev.slipway.lambda.http.Page;
import java.util.Map;
import org.jooq.impl.DSL;

/** The operations the routes file names, on the jOOQ client generated from schema.sql. */
final class ItemOperations {

    private final LambdaDatabase database;

    ItemOperations(LambdaDatabase database) {
        this.database = database;
    }

    Map<String, Operation> all() {
        return Map.of("createItem", this::createItem, "listItems", this::listItems, "getItem", this::getItem);
    }

    HttpResponse createItem(HttpRequest request) {
        NewItem body = request.body(NewItem.class);
        Item item = Item.of(database.dsl()
                .insertInto(ITEM)
                .set(ITEM.NAME, body.name().strip())
                .returning()
                .fetchOne());
        return HttpResponse.created(item, "/items/" + item.id());
    }

    /** {"items": [...], "nextCursor": "..."}: pass nextCursor back as ?cursor= for the next page (keyset). */
    HttpResponse listItems(HttpRequest request) {
        int limit = request.queryInt("limit", 20, 1, 100);
        var rows = database.dsl()
                .selectFrom(ITEM)
                .where(request.cursor().map(ITEM.ID::gt).orElse(DSL.noCondition()))
                .orderBy(ITEM.ID)
                .limit(limit)
                .fetch();
        return HttpResponse.ok(Page.of(rows, limit, Item::of, r -> r.getId()));
    }

    HttpResponse getItem(HttpRequest request) {
        long id = request.idParameter("id");
        return HttpResponse.ok(database.dsl()
                .selectFrom(ITEM)
                .where(ITEM.ID.eq(id))
                .fetchOptional(Item::of)
                .orElseThrow(() -> ApiException.notFound("No item with id " + id + ".")));
    }
}
