package dev.slipway.schema.model;

import java.util.List;

/**
 * A secondary index.
 *
 * @param name deterministic name ({@code ix_<table>_<columns>} unless given)
 * @param columns the indexed elements in order: a column name, or an expression in parentheses in jOOQ's neutral
 *     SQL ({@code (lower(email))}, PostgreSQL only); each optionally followed by {@code " desc"}
 * @param unique whether it is a unique index
 * @param where the condition of a partial index, in jOOQ's neutral SQL (PostgreSQL only), else null
 * @param method PostgreSQL's access method other than btree ({@code gin}, {@code gist}, ...), else null
 */
public record Index(String name, List<String> columns, boolean unique, String where, String method) {

    public Index(String name, List<String> columns, boolean unique) {
        this(name, columns, unique, null, null);
    }

    public Index(String name, List<String> columns, boolean unique, String where) {
        this(name, columns, unique, where, null);
    }

    public boolean partial() {
        return where != null;
    }

    /** Whether an element indexes an expression rather than a column. */
    public static boolean isExpression(String element) {
        return element.startsWith("(");
    }

    /** Whether any element is an expression. */
    public boolean hasExpression() {
        return columns.stream().anyMatch(Index::isExpression);
    }

    /** Whether this index uses an access method other than btree (PostgreSQL only). */
    public boolean hasMethod() {
        return method != null;
    }
}
