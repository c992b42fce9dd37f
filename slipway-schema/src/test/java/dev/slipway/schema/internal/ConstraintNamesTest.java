package dev.slipway.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Slipway names unnamed constraints and indexes as PostgreSQL does. The expected names were read from
 * PostgreSQL 15's {@code pg_constraint} and {@code pg_indexes} after creating the same tables there (see the
 * fidelity tests for the same check against a live server on every build).
 */
class ConstraintNamesTest {

    private static final String LONG_TABLE = "a_rather_long_name_that_pushes_postgres_identifier_limits_xyz";
    private static final String LONG_COLUMN = "a_very_long_column_name_that_is_long_enough";

    @Test
    void shortNames_followPostgresPattern() {
        assertThat(ConstraintNames.primaryKey("post", n -> false)).isEqualTo("post_pkey");
        assertThat(ConstraintNames.foreignKey("post", List.of("author_id"), n -> false))
                .isEqualTo("post_author_id_fkey");
        assertThat(ConstraintNames.unique("post", List.of("a", "b"), n -> false))
                .isEqualTo("post_a_b_key");
        assertThat(ConstraintNames.check("post", List.of("title"), n -> false)).isEqualTo("post_title_check");
        assertThat(ConstraintNames.check("post", List.of("a", "b"), n -> false)).isEqualTo("post_check");
        assertThat(ConstraintNames.index("post", List.of("a", "b"), n -> false)).isEqualTo("post_a_b_idx");
    }

    @Test
    void aTakenName_getsTheNextNumber() {
        Set<String> taken = Set.of("post_author_id_fkey", "post_a_b_idx");
        assertThat(ConstraintNames.foreignKey("post", List.of("author_id"), taken::contains))
                .isEqualTo("post_author_id_fkey1");
        assertThat(ConstraintNames.index("post", List.of("a", "b"), taken::contains))
                .isEqualTo("post_a_b_idx1");
    }

    @Test
    void longNames_areShortenedAsPostgresShortensThem() {
        assertThat(ConstraintNames.primaryKey(LONG_TABLE, n -> false))
                .isEqualTo("a_rather_long_name_that_pushes_postgres_identifier_limits__pkey");
        assertThat(ConstraintNames.foreignKey(LONG_TABLE, List.of(LONG_COLUMN), n -> false))
                .isEqualTo("a_rather_long_name_that_pushe_a_very_long_column_name_that_fkey");
        assertThat(ConstraintNames.unique(LONG_TABLE, List.of(LONG_COLUMN), n -> false))
                .isEqualTo("a_rather_long_name_that_pushe_a_very_long_column_name_that__key");
    }
}
