package dev.slipway.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckColumnsTest {

    private static final Set<String> COLUMNS = Set.of("price", "discount", "Label", "name");

    @Test
    void columnsAreFoundInOrderOnce_andStringLiteralsDoNotCount() {
        assertThat(CheckColumns.mentioned("price > 0 and discount < price and name <> 'price'", COLUMNS))
                .containsExactly("price", "discount", "name");
        assertThat(CheckColumns.mentioned("'discount' = 'it''s price'", COLUMNS))
                .isEmpty();
    }

    @Test
    void unquotedNamesFoldToLowerCase_quotedOnesKeepTheirCase() {
        assertThat(CheckColumns.mentioned("PRICE > 0", COLUMNS)).containsExactly("price");
        assertThat(CheckColumns.mentioned("\"Label\" <> '' and `name` is not null", COLUMNS))
                .containsExactly("Label", "name");
        assertThat(CheckColumns.mentioned("LABEL <> ''", COLUMNS)).isEmpty();
    }
}
