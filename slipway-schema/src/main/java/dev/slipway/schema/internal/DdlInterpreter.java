package dev.slipway.schema.internal;

import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DDLQuery;
import org.jooq.DSLContext;
import org.jooq.Meta;
import org.jooq.Query;
import org.jooq.SQLDialect;
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
    /** The first words of the statement jOOQ's interpreter failed on: "create table t", "create index t_x". */
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile(
            "Query: ((?:create|alter|drop)\\s+(?:unique\\s+)?(?:table|index)\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?"
                    + "[\"`]?[\\w$]+)");

    private static final java.util.regex.Pattern MISSING_TABLE =
            java.util.regex.Pattern.compile("Table does not exist: \"?([\\w$]+)\"?");

    /** One SQL text and where it came from, for error messages. */
    public record Source(String origin, String sql) {}

    private DdlInterpreter() {}

    public static Schema interpret(List<Source> sources, SQLDialect parseDialect) {
        DSLContext ctx = Jooq.parsing(parseDialect);
        EnumTypes enums = new EnumTypes();
        IndexShapes indexShapes = new IndexShapes();
        try {
            List<Query> ddl = structure(ctx, sources, parseDialect, enums, indexShapes);
            return MetaConverter.convert(meta(ctx, ddl), parseDialect, enums, indexShapes)
                    .withExtensions(Extensions.created(sources));
        } catch (SchemaException e) {
            throw e.code() == SchemaErrorCode.UNSUPPORTED ? SourceLines.withLine(e, sources) : e;
        } catch (RuntimeException e) {
            throw located(e, sources);
        }
    }

    /**
     * jOOQ's interpreter names what is wrong and renders the statement, but not where it is: the error gets the
     * file and line of that statement (the last source that holds it), and a missing table referenced by a foreign
     * key says whether it is declared only later or not at all.
     */
    private static SchemaException located(RuntimeException e, List<Source> sources) {
        String message = String.valueOf(e.getMessage());
        String problem = message.replaceFirst("(?s)\\. Query: .*", "");
        java.util.regex.Matcher query = QUERY.matcher(message);
        java.util.regex.Matcher missing = MISSING_TABLE.matcher(message);
        for (int i = sources.size() - 1; i >= 0; i--) {
            Source source = sources.get(i);
            if (missing.find(0)) {
                int reference = SourceLines.referenceLine(source.sql(), missing.group(1));
                if (reference > 0) {
                    int declared = SourceLines.statementLine(source.sql(), "create table " + missing.group(1));
                    return new SchemaException(
                            SchemaErrorCode.INVALID_SCHEMA,
                            source.origin() + ":" + reference + ": a foreign key references table " + missing.group(1)
                                    + (declared > reference
                                            ? ", which is declared only later (line " + declared + "). Declare it"
                                                    + " before the table that references it."
                                            : ", which is not declared. Declare it, or fix the name."),
                            e);
                }
            }
            int line = query.find(0) ? SourceLines.statementLine(source.sql(), query.group(1)) : 0;
            if (line > 0) {
                return new SchemaException(
                        SchemaErrorCode.INVALID_SCHEMA,
                        source.origin() + ":" + line + ": " + problem
                                + ". Check that every table, column and constraint it refers to exists, once.",
                        e);
            }
        }
        String origin =
                sources.isEmpty() ? "schema" : sources.get(sources.size() - 1).origin();
        return new SchemaException(
                SchemaErrorCode.INVALID_SCHEMA,
                "Cannot apply the DDL of " + describe(sources) + ": " + message
                        + ". Check that every table, column and constraint it refers to exists (" + origin + ").",
                e);
    }

    private static List<Query> structure(
            DSLContext ctx, List<Source> sources, SQLDialect parseDialect, EnumTypes enums, IndexShapes indexShapes) {
        List<Query> ddl = new ArrayList<>();
        for (Source source : sources) {
            indexShapes.readMethods(source.sql());
            for (Query query : parse(ctx, source).queries()) {
                if (typeStatement(enums, query, source)) continue;
                if (query instanceof QOM.CreateView<?> view) throw unfencedView(view, source);
                if (query instanceof QOM.CreateIndex create) {
                    Meta before = meta(ctx, ddl);
                    QOM.CreateIndex named = (QOM.CreateIndex) UnnamedConstraints.name(create, TakenNames.of(before));
                    IndexShapes.Written written = indexShapes.written(named, before);
                    ddl.add(written.query());
                    indexShapes.record(named.$index().getName(), written.shape(), create.$ifNotExists());
                } else if (query instanceof DDLQuery) {
                    indexShapes.follow(query);
                    add(ctx, ddl, query, parseDialect);
                } else {
                    LOG.debug("{}: skipping a statement that changes data, not structure", source.origin());
                }
            }
        }
        return ddl;
    }

    /**
     * A view in a migration written by hand: jOOQ's interpreter would make it a table of columns of no type, and
     * the next migration would drop it. Fenced, it runs on the database and Slipway's model leaves it alone.
     */
    private static SchemaException unfencedView(QOM.CreateView<?> view, Source source) {
        String name = view.$view().getName();
        java.util.regex.Pattern create = java.util.regex.Pattern.compile(
                "(?is)^create\\s+(or\\s+replace\\s+)?(materialized\\s+)?view\\s+(if\\s+not\\s+exists\\s+)?[\"`]?"
                        + java.util.regex.Pattern.quote(name) + "\\b.*");
        int line = dev.slipway.schema.SqlStatements.split(source.sql()).stream()
                .filter(statement -> create.matcher(statement.sql().strip()).matches())
                .mapToInt(dev.slipway.schema.SqlStatements.Statement::line)
                .findFirst()
                .orElse(0);
        return new SchemaException(
                SchemaErrorCode.UNSUPPORTED,
                source.origin() + (line > 0 ? ":" + line : "") + ": view " + name + " is outside Slipway's model."
                        + " Fence it with '-- [jooq ignore start]' and '-- [jooq ignore stop]' (it still runs on the"
                        + " database; migrate check and dev list fenced SQL).");
    }

    /** Applies a CREATE/ALTER/DROP TYPE to {@code enums}; a refusal names the statement's line. */
    private static boolean typeStatement(EnumTypes enums, Query query, Source source) {
        try {
            return enums.apply(query);
        } catch (SchemaException e) {
            String verb =
                    query instanceof QOM.CreateType ? "create" : query instanceof QOM.AlterType ? "alter" : "drop";
            java.util.regex.Matcher type =
                    java.util.regex.Pattern.compile("(?i)\\btype ([\\w$]+)").matcher(e.getMessage());
            int line = type.find() ? SourceLines.statementLine(source.sql(), verb + " type " + type.group(1)) : 0;
            throw line > 0 ? new SchemaException(e.code(), source.origin() + ":" + line + ": " + e.getMessage(), e) : e;
        }
    }

    private static org.jooq.Queries parse(DSLContext ctx, Source source) {
        // PostgreSQL's CONCURRENTLY changes locking, not the resulting structure, and jOOQ does not model it.
        String sql = CaseInsensitiveText.keptApart(source.sql().replaceAll("(?i)\\bindex\\s+concurrently\\b", "index"));
        try {
            return ctx.parser().parse(sql);
        } catch (ParserException e) {
            throw new SchemaException(
                    SchemaErrorCode.PARSE_ERROR,
                    source.origin() + ":" + e.line() + ":" + e.column() + ": cannot parse SQL: " + expected(e)
                            + "\n    " + ParseErrorExcerpt.of(source.sql(), e.line(), e.column()) + "\n"
                            + fix(source.origin()),
                    e);
        }
    }

    private static void add(DSLContext ctx, List<Query> ddl, Query query, SQLDialect parseDialect) {
        if (query instanceof QOM.CreateTable) {
            ddl.add(UnnamedConstraints.name(query, TakenNames.of(meta(ctx, ddl))));
            return;
        }
        // PostgreSQL keeps a column's default through ALTER COLUMN ... TYPE; jOOQ's interpreter drops it
        Optional<Query> keepDefault = parseDialect == SQLDialect.POSTGRES
                ? ColumnTypeChanges.restoreDefault(ctx, query, () -> meta(ctx, ddl))
                : Optional.empty();
        ddl.add(query);
        keepDefault.ifPresent(ddl::add);
    }

    static Meta meta(DSLContext ctx, List<Query> ddl) {
        return ctx.meta(ddl.toArray(Query[]::new));
    }

    private static String describe(List<Source> sources) {
        return sources.size() == 1 ? sources.get(0).origin() : sources.size() + " files";
    }

    /** jOOQ's "X, Y or Z expected", without its own excerpt (which may show an earlier statement). */
    private static String expected(ParserException e) {
        String message = String.valueOf(e.getMessage());
        int excerpt = message.indexOf(": [");
        return (excerpt < 0 ? message : message.substring(0, excerpt))
                .lines()
                .findFirst()
                .orElse(message);
    }

    /**
     * A migration may fence SQL the parser does not know (it still runs on the database); schema.sql may not:
     * fenced SQL there would be left out of the migrations without a word.
     */
    private static String fix(String origin) {
        String file = java.nio.file.Path.of(origin).getFileName().toString();
        if (file.matches("(?i)[VRU]\\d.*__.*\\.sql")) {
            return "Fix the statement, or fence SQL Slipway need not understand with '-- [jooq ignore start]' and"
                    + " '-- [jooq ignore stop]' (it still runs on the database).";
        }
        return "Fix the statement. schema.sql holds the tables, columns, keys, checks and indexes Slipway carries to"
                + " both engines; other SQL (functions, triggers, data) belongs in a migration you write by hand.";
    }
}
