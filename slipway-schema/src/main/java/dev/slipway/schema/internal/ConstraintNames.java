package dev.slipway.schema.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Deterministic names for constraints and indexes the user left unnamed, following PostgreSQL's own
 * convention ({@code author_pkey}, {@code author_email_key}, {@code post_author_id_fkey}, {@code post_title_check},
 * {@code post_author_id_idx}) so that later diffs can alter or drop them by name on both engines.
 */
public final class ConstraintNames {

    /** PostgreSQL truncates identifiers at 63 bytes; MySQL allows 64. Stay within both. */
    static final int MAX_LENGTH = 63;

    private ConstraintNames() {}

    public static String primaryKey(String table) {
        return fit(table + "_pkey");
    }

    public static String unique(String table, List<String> columns) {
        return fit(table + "_" + String.join("_", columns) + "_key");
    }

    public static String foreignKey(String table, List<String> columns) {
        return fit(table + "_" + String.join("_", columns) + "_fkey");
    }

    public static String check(String table, List<String> columns) {
        return fit(table + (columns.isEmpty() ? "" : "_" + String.join("_", columns)) + "_check");
    }

    public static String index(String table, List<String> columns, boolean unique) {
        return fit(table + "_" + String.join("_", columns) + (unique ? "_key" : "_idx"));
    }

    /** Shortens a name over the limit to a prefix plus a hash of the whole, so it stays unique and stable. */
    static String fit(String name) {
        if (name.length() <= MAX_LENGTH) return name;
        String hash = hash(name).substring(0, 8);
        return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
    }

    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
