package dev.slipway.schema.internal;

/** The source line a parse error is on, with a caret under its column, as compilers show it. */
final class ParseErrorExcerpt {

    private ParseErrorExcerpt() {}

    /** {@code line} and {@code column} are 1-based; the caret line is indented like the excerpt's caller. */
    static String of(String sql, int line, int column) {
        String[] lines = sql.split("\n", -1);
        if (line < 1 || line > lines.length) return "";
        String text = lines[line - 1].stripTrailing();
        int caret = Math.max(0, Math.min(column - 1, text.length()));
        return text + "\n    " + " ".repeat(caret) + "^";
    }
}
