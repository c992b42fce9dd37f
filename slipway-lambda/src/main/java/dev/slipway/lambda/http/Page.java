package dev.slipway.lambda.http;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the shape every list operation of a Slipway API answers with: {@code {"items": [...],
 * "nextCursor": "..."}}. Pass {@code nextCursor} back as {@code ?cursor=} for the next page; it is null on the last.
 * Keyset pagination: the cursor is the key of the last item, so a page costs the same however deep it is, and rows
 * added meanwhile neither repeat nor vanish (an offset would shift under them).
 *
 * @param items the page's items
 * @param nextCursor where the next page starts; null when this is the last
 */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code rows} read with {@code limit}: a full page has a next one, starting after its last row's
     * key (it may turn out empty, which costs one request and spares a count).
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> item, Function<R, ?> key) {
        String next =
                !rows.isEmpty() && rows.size() == limit ? String.valueOf(key.apply(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows.stream().map(item).toList(), next);
    }
}
