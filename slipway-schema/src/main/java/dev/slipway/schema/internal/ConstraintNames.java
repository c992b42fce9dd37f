package dev.slipway.schema.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The names PostgreSQL itself gives unnamed constraints and indexes ({@code author_pkey}, {@code author_email_key},
 * {@code post_author_id_fkey}, {@code post_title_check}, {@code post_author_id_idx}), so a migration written by
 * Slipway names things exactly as {@code schema.sql} applied directly to PostgreSQL would, and later diffs can
 * drop them by name on both engines.
 *
 * <p>Written by hand after PostgreSQL's {@code makeObjectName} and {@code ChooseRelationName}
 * (src/backend/commands/indexcmds.c): the two name parts are shortened, longer one first, until the whole fits
 * in 63 bytes, and a name already taken gets the label {@code key1}, {@code key2}, ...
 */
public final class ConstraintNames {

    /** PostgreSQL's NAMEDATALEN - 1: the longest identifier in bytes. MySQL allows 64 characters. */
    static final int MAX_LENGTH = 63;

    private ConstraintNames() {}

    public static String primaryKey(String table, Predicate<String> taken) {
        return choose(table, null, "pkey", taken);
    }

    public static String unique(String table, List<String> columns, Predicate<String> taken) {
        return choose(table, joined(columns), "key", taken);
    }

    public static String foreignKey(String table, List<String> columns, Predicate<String> taken) {
        return choose(table, joined(columns), "fkey", taken);
    }

    /** A check on exactly one column is {@code table_column_check}; any other is {@code table_check}. */
    public static String check(String table, List<String> columns, Predicate<String> taken) {
        return choose(table, columns.size() == 1 ? columns.get(0) : null, "check", taken);
    }

    /** An index created without a name, unique or not: {@code table_columns_idx}. */
    public static String index(String table, List<String> columns, Predicate<String> taken) {
        return choose(table, joined(columns), "idx", taken);
    }

    static String choose(String name1, String name2, String label, Predicate<String> taken) {
        String name = make(name1, name2, label);
        for (int pass = 1; taken.test(name); pass++) {
            name = make(name1, name2, label + pass);
        }
        return name;
    }

    /** PostgreSQL's makeObjectName: {@code name1_name2_label}, the longer part shortened first to fit. */
    static String make(String name1, String name2, String label) {
        byte[] first = bytes(name1);
        byte[] second = name2 == null ? new byte[0] : bytes(name2);
        int overhead = (name2 == null ? 0 : 1) + bytes(label).length + 1;
        int available = MAX_LENGTH - overhead;
        int firstLength = first.length;
        int secondLength = second.length;
        while (firstLength + secondLength > available) {
            if (firstLength > secondLength) firstLength--;
            else secondLength--;
        }
        StringBuilder name = new StringBuilder(clip(name1, firstLength));
        if (name2 != null) name.append('_').append(clip(name2, secondLength));
        return name.append('_').append(label).toString();
    }

    /** PostgreSQL's ChooseIndexNameAddition: column names joined by '_', cut at the identifier limit. */
    private static String joined(List<String> columns) {
        String all = String.join("_", columns);
        return clip(all, Math.min(bytes(all).length, MAX_LENGTH));
    }

    /** The longest prefix of {@code text} within {@code maxBytes} UTF-8 bytes that ends on a character boundary. */
    private static String clip(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) break;
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
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
