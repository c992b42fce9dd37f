package dev.slipway.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements at top-level semicolons, aware of quotes, comments and PostgreSQL
 * dollar quoting. Written by hand because lint must see the statements exactly as written (jOOQ would re-render
 * them, and cannot parse every hand-written script); Flyway's own parser is internal API.
 */
public final class SqlStatements {

    /**
     * A statement as written.
     *
     * @param sql the text without the trailing semicolon and without comments
     * @param line the 1-based line it starts on
     * @param comments the text of the comments just before and inside it (for lint suppressions)
     */
    public record Statement(String sql, int line, String comments) {}

    private SqlStatements() {}

    /** Splits a list such as a CREATE TABLE body or ALTER TABLE actions at the commas outside parentheses. */
    public static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }

    public static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        StringBuilder comments = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                comments.append(script, i + 2, end).append('\n');
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                String comment = script.substring(i, end);
                comments.append(comment).append('\n');
                line += count(comment, '\n');
                i = end;
                continue;
            }
            if (c == ';') {
                add(statements, sql, startLine, comments);
                startLine = -1;
                i++;
                continue;
            }
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(script, i, c);
            } else if (c == '$') {
                end = dollarQuoted(script, i);
            }
            String token = script.substring(i, end);
            if (startLine < 0 && !token.isBlank()) startLine = line;
            sql.append(token);
            line += count(token, '\n');
            i = end;
        }
        add(statements, sql, startLine, comments);
        return List.copyOf(statements);
    }

    private static void add(List<Statement> out, StringBuilder sql, int line, StringBuilder comments) {
        String text = sql.toString().strip();
        if (!text.isEmpty()) {
            out.add(new Statement(text, line, comments.toString()));
            comments.setLength(0);
        }
        sql.setLength(0);
    }

    private static int closingQuote(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '"') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int dollarQuoted(String s, int start) {
        int tagEnd = start + 1;
        while (tagEnd < s.length() && (Character.isLetterOrDigit(s.charAt(tagEnd)) || s.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= s.length() || s.charAt(tagEnd) != '$') return start + 1;
        String tag = s.substring(start, tagEnd + 1);
        int close = s.indexOf(tag, tagEnd + 1);
        return close < 0 ? s.length() : close + tag.length();
    }

    private static int count(String s, char c) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) count++;
        }
        return count;
    }
}
