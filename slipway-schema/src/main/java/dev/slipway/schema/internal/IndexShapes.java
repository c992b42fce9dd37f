package dev.slipway.schema.internal;

import dev.slipway.schema.SqlStatements;
import dev.slipway.schema.exceptions.SchemaErrorCode;
import dev.slipway.schema.exceptions.SchemaException;
import dev.slipway.schema.model.Index;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * What jOOQ does not keep of a PostgreSQL index: its access method ({@code using gin}), which jOOQ's parser reads
 * and drops, and expression elements ({@code lower(email)}), which its DDL interpreter refuses. Written by hand
 * because jOOQ models neither: the interpreter is given a stand-in index over the columns the expressions mention
 * (so that it still follows the index through DROP INDEX, DROP TABLE and renames), and the real elements and
 * method are kept here by index name and put back by {@link MetaConverter}.
 */
final class IndexShapes {

    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[\\w$]+)";

    /** {@code create [unique] index [concurrently] [if not exists] [name] on [only] table [using method]}. */
    private static final Pattern CREATE_INDEX =
            Pattern.compile("(?is)^create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?"
                    + "(?:(?!on\\s)(" + NAME + ")\\s+)?on\\s+(?:only\\s+)?" + NAME + "(?:\\." + NAME + ")?"
                    + "(?:\\s+using\\s+(\\w+))?.*");

    /**
     * An index as written.
     *
     * @param elements the elements as {@link Index#columns()} holds them
     * @param method the access method other than btree, else null
     * @param standIn the columns of the stand-in index jOOQ's interpreter follows
     */
    record Shape(List<String> elements, String method, List<String> standIn) {}

    private final Map<String, Shape> shapes = new HashMap<>();
    /** The methods the CREATE INDEX statements of the source being read name, by index name ("" unnamed). */
    private final Map<String, Deque<String>> written = new HashMap<>();

    /** Reads the access methods of {@code sql}'s CREATE INDEX statements, which jOOQ's parser drops. */
    void readMethods(String sql) {
        written.clear();
        for (SqlStatements.Statement statement : SqlStatements.split(sql)) {
            String text = statement.sql().strip();
            Matcher create = CREATE_INDEX.matcher(text);
            if (!create.matches()) continue;
            String method = create.group(2) == null ? "btree" : create.group(2).toLowerCase(Locale.ROOT);
            written.computeIfAbsent(name(create.group(1)), k -> new ArrayDeque<>())
                    .add(method);
        }
    }

    /**
     * The query jOOQ's interpreter is given for {@code create}: itself, or a stand-in over the columns its
     * expressions mention. {@link #record} keeps the shape once the index has its name.
     */
    Written written(QOM.CreateIndex create, Meta meta) {
        String given = create.$index().getName();
        Deque<String> methods = written.get(given);
        if (methods == null) methods = written.get(""); // named by Slipway
        String method = methods == null || methods.isEmpty() ? "btree" : methods.poll();
        List<String> elements = new ArrayList<>();
        Set<String> standIn = new LinkedHashSet<>();
        boolean expression = false;
        for (OrderField<?> element : create.$on()) {
            Field<?> field = element instanceof SortField<?> sort ? sort.$field() : (Field<?>) element;
            String desc = element instanceof SortField<?> sort && sort.getOrder() == SortOrder.DESC ? " desc" : "";
            if (field instanceof org.jooq.TableField<?, ?>) {
                elements.add(field.getName() + desc);
                standIn.add(field.getName());
                continue;
            }
            expression = true;
            String neutral = Jooq.rendering(SQLDialect.DEFAULT).renderInlined(field);
            List<String> mentioned = CheckColumns.mentioned(
                    neutral, columns(meta, create.$table().getName()));
            if (mentioned.isEmpty()) {
                throw new SchemaException(
                        SchemaErrorCode.UNSUPPORTED,
                        "index " + given + " on " + create.$table().getName() + " indexes "
                                + neutral + ", which mentions no column of "
                                + create.$table().getName()
                                + ". Index a column, or an expression of one.");
            }
            elements.add("(" + neutral + ")" + desc);
            standIn.addAll(mentioned);
        }
        String kept = method.equals("btree") ? null : method;
        if (!expression) return new Written(create, new Shape(List.copyOf(elements), kept, List.copyOf(standIn)));
        QOM.CreateIndex stand = create.$on(standIn.stream()
                .map(c -> (OrderField<?>) DSL.field(DSL.name(c)))
                .toList());
        return new Written(stand, new Shape(List.copyOf(elements), kept, List.copyOf(standIn)));
    }

    /** A CREATE INDEX for jOOQ's interpreter, and what it stands in for. */
    record Written(QOM.CreateIndex query, Shape shape) {}

    /**
     * The name PostgreSQL gives an unnamed index's element: the column, an expression's function name, else
     * {@code expr}.
     */
    static String namingColumn(OrderField<?> element) {
        Field<?> field = element instanceof SortField<?> sort ? sort.$field() : (Field<?>) element;
        if (field instanceof org.jooq.TableField<?, ?>) return field.getName();
        Matcher function = FUNCTION.matcher(Jooq.rendering(SQLDialect.DEFAULT).renderInlined(field));
        return function.matches() ? function.group(1).toLowerCase(Locale.ROOT) : "expr";
    }

    private static final Pattern FUNCTION = Pattern.compile("(?s)^([A-Za-z_][\\w$]*)\\(.*\\)$");

    /** Keeps {@code shape} for the index jOOQ now knows as {@code name}. */
    void record(String name, Shape shape, boolean ifNotExists) {
        if (ifNotExists && shapes.containsKey(name)) return;
        shapes.put(name, shape);
    }

    /** Follows DROP INDEX and ALTER INDEX ... RENAME TO; any other statement changes nothing here. */
    void follow(Query query) {
        if (query instanceof QOM.DropIndex drop) {
            shapes.remove(drop.$index().getName());
        } else if (query instanceof QOM.AlterIndex alter && alter.$renameTo() != null) {
            Shape shape = shapes.remove(alter.$index().getName());
            if (shape != null) shapes.put(alter.$renameTo().getName(), shape);
        }
    }

    /**
     * The elements and method of the index jOOQ's interpreter holds as {@code index} on {@code table}: as written,
     * if jOOQ's columns are still the stand-in's; an expression whose column was renamed since is refused.
     */
    Index index(String table, String name, List<String> columns, boolean unique, String where) {
        Shape shape = shapes.get(name);
        if (shape == null) return new Index(name, columns, unique, where);
        List<String> names =
                columns.stream().map(c -> c.replaceFirst(" desc$", "")).toList();
        boolean hasExpression = shape.elements().stream().anyMatch(Index::isExpression);
        if (!hasExpression) return new Index(name, columns, unique, where, shape.method());
        if (!names.equals(shape.standIn())) {
            throw new SchemaException(
                    SchemaErrorCode.UNSUPPORTED,
                    "index " + name + " on " + table + " indexes " + String.join(", ", shape.elements())
                            + ", and a column it mentions (" + String.join(", ", shape.standIn())
                            + ") was renamed or dropped since. Drop the index before the change and create it"
                            + " again after it.");
        }
        return new Index(name, shape.elements(), unique, where, shape.method());
    }

    private static Set<String> columns(Meta meta, String table) {
        Set<String> columns = new LinkedHashSet<>();
        meta.getTables(table).forEach(t -> {
            for (Field<?> field : t.fields()) columns.add(field.getName());
        });
        return columns;
    }

    /** An index name as jOOQ reads it: unquoted names lower-cased, quoted ones as written. */
    private static String name(String written) {
        if (written == null) return "";
        return written.startsWith("\"")
                ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(Locale.ROOT);
    }
}
