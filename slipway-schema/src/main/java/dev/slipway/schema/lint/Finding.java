package dev.slipway.schema.lint;

/**
 * A lint finding on one statement of a migration.
 *
 * @param rule what was found; its category and fix
 * @param file the migration file (or another origin)
 * @param line the line the statement starts on
 * @param statement the statement, shortened to one line
 * @param subject the table or column concerned, e.g. {@code post.body}
 */
public record Finding(Rule rule, String file, int line, String statement, String subject) {

    /** {@code file:line: CODE subject: summary} and the fix on the next line, as the CLI prints it. */
    public String describe() {
        return file + ":" + line + ": " + rule + " [" + rule.category().name().toLowerCase(java.util.Locale.ROOT)
                + "] " + subject + ": " + rule.summary() + "\n    " + statement + "\n    fix: " + rule.fix()
                + " (or accept it with '-- slipway:lint-ignore " + rule + "' above the statement)";
    }
}
