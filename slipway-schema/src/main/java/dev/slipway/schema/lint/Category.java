package dev.slipway.schema.lint;

/** What kind of risk a finding is. Destructive findings stop {@code slipway migrate dev} unless allowed. */
public enum Category {
    /** Loses data: dropped tables or columns, narrowing type changes. */
    DESTRUCTIVE,
    /** Breaks code still running against the old schema: renames, new NOT NULL columns without a default. */
    BACKWARD_INCOMPATIBLE,
    /** Succeeds or fails depending on the rows already there: a new unique constraint on an existing table. */
    DATA_DEPENDENT,
    /** Blocks reads or writes on a busy table while it runs. */
    LOCKING,
    /** Works, but makes later changes and operations harder: a table without a primary key. */
    DESIGN
}
