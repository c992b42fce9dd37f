package dev.slipway.schema.lint;

/**
 * The lint rules. Codes follow Atlas's analyzers in spirit (DS = destructive, BC = backward-incompatible, MF =
 * data-dependent, LK = locking) and squawk's PostgreSQL rules; every rule names the fix.
 */
public enum Rule {
    DS101(
            Category.DESTRUCTIVE,
            "drops a table and all its rows",
            "keep the table until no code reads it, back it up, then drop it in its own reviewed migration"),
    DS102(
            Category.DESTRUCTIVE,
            "drops a column and its data",
            "stop reading the column in code first, deploy, then drop it in a later migration"),
    DS103(
            Category.DESTRUCTIVE,
            "changes a column type in a way that can lose data or fail on existing rows",
            "add a new column, backfill it, switch the code, then drop the old column"),
    DS104(Category.DESTRUCTIVE, "empties a table", "delete only the rows you mean to, with a WHERE clause"),
    BC101(
            Category.BACKWARD_INCOMPATIBLE,
            "renames a table or column that running code still uses",
            "add the new name alongside the old (or a view), move the code over, then drop the old name"),
    BC102(
            Category.BACKWARD_INCOMPATIBLE,
            "adds a NOT NULL column without a default to a table that may have rows",
            "give the column a DEFAULT, or add it nullable, backfill, then SET NOT NULL"),
    BC103(
            Category.BACKWARD_INCOMPATIBLE,
            "makes an existing column NOT NULL",
            "backfill NULLs first; on PostgreSQL add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL"),
    MF101(
            Category.DATA_DEPENDENT,
            "adds a unique constraint or index to a table that may hold duplicates",
            "check for duplicates first (SELECT cols, count(*) ... GROUP BY cols HAVING count(*) > 1) and clean them up"),
    MF102(
            Category.DATA_DEPENDENT,
            "adds a primary key to a table that may hold duplicates or NULLs",
            "check the column for duplicates and NULLs before adding the key"),
    LK101(
            Category.LOCKING,
            "creates an index without CONCURRENTLY, blocking writes to the table while it builds",
            "use CREATE INDEX CONCURRENTLY in a migration of its own, with a V<n>__<name>.sql.conf holding"
                    + " executeInTransaction=false"),
    LK102(
            Category.LOCKING,
            "adds a foreign key that scans the table while blocking writes",
            "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration"),
    LK103(
            Category.LOCKING,
            "adds a check constraint that scans the table while blocking writes",
            "add it NOT VALID, then VALIDATE CONSTRAINT in a later migration"),
    LK104(
            Category.LOCKING,
            "rewrites the whole table under an exclusive lock (type change)",
            "add a new column, backfill in batches, and switch over, or run it in a quiet window"),
    DN101(
            Category.DESIGN,
            "creates a table without a primary key: no row can be named for an update or delete, MySQL replication"
                    + " scans the table for each changed row, and PostgreSQL logical replication refuses its updates",
            "give it a primary key (a join table: the pair of its foreign keys), or accept it with a reason"),
    LK201(
            Category.LOCKING,
            "makes MySQL copy the whole table (MODIFY/CHANGE of a column, or a new primary key)",
            "run it in a quiet window, or use an online schema change tool (gh-ost, pt-online-schema-change)");

    private final Category category;
    private final String summary;
    private final String fix;

    Rule(Category category, String summary, String fix) {
        this.category = category;
        this.summary = summary;
        this.fix = fix;
    }

    public Category category() {
        return category;
    }

    public String summary() {
        return summary;
    }

    public String fix() {
        return fix;
    }
}
