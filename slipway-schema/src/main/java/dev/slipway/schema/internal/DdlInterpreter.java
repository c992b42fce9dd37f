package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DDLQuery;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.ParserException;
import org.jooq.impl.QOM;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs DDL through jOOQ's parser and DDL interpreter (no database) and converts the resulting {@link Meta} to
 * Slipway's {@link Schema}. Statements that change data rather than structure are skipped; SQL jOOQ cannot parse
 * can be fenced with {@code -- [jooq ignore start]} / {@code -- [jooq ignore stop]}.
 */
public final class DdlInterpreter {

    private static final Logger LOG = LoggerFactory.getLogger(DdlInterpreter.class);

    /** One SQL text and where it came from, for error messages. */
    public record Source(String origin, String sql) {}

    private DdlInterpreter() {}

    public static Schema interpret(List<Source> sources, SQLDialect parseDialect) {
        DSLContext ctx = Jooq.parsing(parseDialect);
        List<Query> ddl = new ArrayList<>();
        for (Source source : sources) {
            for (Query query : parse(ctx, source).queries()) {
                if (query instanceof DDLQuery) {
                    ddl.add(nameUnnamedIndex(query));
                } else {
                    LOG.debug("{}: skipping a statement that changes data, not structure", source.origin());
                }
            }
        }
        Meta meta;
        try {
            meta = ctx.meta(ddl.toArray(Query[]::new));
            return MetaConverter.convert(meta);
        } catch (SchemaException e) {
            throw e;
        } catch (RuntimeException e) {
            String origin = sources.isEmpty()
                    ? "schema"
                    : sources.get(sources.size() - 1).origin();
            throw new SchemaException(
                    SchemaErrorCode.INVALID_SCHEMA,
                    "Cannot apply the DDL of " + describe(sources) + ": " + e.getMessage()
                            + ". Check that every table, column and constraint it refers to exists (" + origin + ").",
                    e);
        }
    }

    private static org.jooq.Queries parse(DSLContext ctx, Source source) {
        // PostgreSQL's CONCURRENTLY changes locking, not the resulting structure, and jOOQ does not model it.
        String sql = source.sql().replaceAll("(?i)\\bindex\\s+concurrently\\b", "index");
        try {
            return ctx.parser().parse(sql);
        } catch (ParserException e) {
            throw new SchemaException(
                    SchemaErrorCode.PARSE_ERROR,
                    source.origin() + ":" + e.line() + ":" + e.column() + ": cannot parse SQL ("
                            + firstLine(e.getMessage())
                            + "). Fix the statement, or fence SQL Slipway need not understand with"
                            + " '-- [jooq ignore start]' and '-- [jooq ignore stop]'.",
                    e);
        }
    }

    private static Query nameUnnamedIndex(Query query) {
        if (query instanceof QOM.CreateIndex create && create.$index() == null) {
            List<String> columns = new ArrayList<>();
            for (OrderField<?> field : create.$on()) {
                columns.add(MetaConverter.fieldName(field));
            }
            String name = ConstraintNames.index(create.$table().getName(), columns, create.$unique());
            return create.$index(DSL.index(DSL.name(name)));
        }
        return query;
    }

    private static String describe(List<Source> sources) {
        return sources.size() == 1 ? sources.get(0).origin() : sources.size() + " files";
    }

    private static String firstLine(String message) {
        int newline = message == null ? -1 : message.indexOf('\n');
        return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    }
}
