package dev.slipway.schema.model;

import java.util.List;

/**
 * An enum type: on PostgreSQL {@code create type name as enum (...)}, named and shared by its columns; on MySQL
 * each column of it holds {@code enum(...)} with the same values in the same order (both sort by that order).
 *
 * @param name lower-case type name (MySQL has none; an enum read from MySQL DDL has the name "")
 * @param values the labels, in declaration order, case kept
 */
public record EnumType(String name, List<String> values) {

    public EnumType {
        values = List.copyOf(values);
    }

    /** Whether {@code later} keeps every value of this type in its place and only appends (PostgreSQL's ADD VALUE). */
    public boolean onlyAppendedIn(EnumType later) {
        return later.values.size() >= values.size()
                && later.values.subList(0, values.size()).equals(values);
    }

    /** The values of {@code later} this type lacks, in order. */
    public List<String> appendedIn(EnumType later) {
        return later.values.subList(values.size(), later.values.size());
    }
}
