package dev.slipway.schema.model;

/** A column default, kept in a form each engine can render. */
public sealed interface DefaultValue {

    /** A literal value, already written as SQL (a quoted string, a number, {@code true}/{@code false}). */
    record Literal(String sql) implements DefaultValue {}

    /** The current date and time of the transaction ({@code current_timestamp}, {@code now()}). */
    record CurrentTimestamp() implements DefaultValue {}

    /** The current date ({@code current_date}). */
    record CurrentDate() implements DefaultValue {}

    /** Any other expression, written in jOOQ's neutral SQL; rendered per engine by jOOQ. */
    record Expression(String sql) implements DefaultValue {}
}
