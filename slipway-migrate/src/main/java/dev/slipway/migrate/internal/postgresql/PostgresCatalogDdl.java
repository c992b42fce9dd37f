package dev.slipway.migrate.internal.postgresql;

import dev.slipway.migrate.SchemaPull.PostgresOnlyStatement;
import dev.slipway.migrate.internal.CatalogQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A live PostgreSQL schema as schema.sql: CREATE TYPE ... AS ENUM, CREATE TABLE and CREATE INDEX statements, from the catalog with
 * PostgreSQL's own renderers ({@code format_type}, {@code pg_get_constraintdef}, {@code pg_get_indexdef},
 * {@code pg_get_expr}), so no definition is re-spelled by hand; and the objects of the schema that are not tables,
 * keys, checks or indexes, which schema.sql cannot hold, listed with what to do about each.
 */
public final class PostgresCatalogDdl {

    private PostgresCatalogDdl() {}

    /** The schema's tables in creation order (tables first, foreign keys inline), then its other indexes. */
    public static String ddl(Connection c, String schema) throws SQLException {
        StringBuilder sql = new StringBuilder();
        // enum types first: the tables' columns use them (labels quoted here: quote_literal would write E'' strings)
        for (String enumType : CatalogQueries.column(c, """
                select 'create type ' || quote_ident(t.typname) || ' as enum ('
                       || string_agg('''' || replace(e.enumlabel, '''', '''''') || '''', ', ' order by e.enumsortorder)
                       || ')'
                from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid
                where n.nspname = ? group by t.oid, t.typname order by t.oid""", schema)) {
            sql.append(enumType).append(";\n\n");
        }
        Map<String, String> tables = CatalogQueries.pairs(c, """
                select quote_ident(t.relname), t.oid::text from pg_class t join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = ? and t.relkind = 'r' and not t.relispartition
                  and t.relname <> 'flyway_schema_history'
                order by t.oid""", schema);
        for (Map.Entry<String, String> table : tables.entrySet()) {
            long oid = Long.parseLong(table.getValue());
            List<String> parts = new ArrayList<>(columns(c, oid));
            parts.addAll(CatalogQueries.column(c, """
                    select 'constraint ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
                    from pg_constraint where conrelid = ? and contype in ('p', 'u', 'f', 'c')
                    order by case contype when 'p' then 0 when 'u' then 1 when 'c' then 2 else 3 end, conname""", oid));
            sql.append("create table ")
                    .append(table.getKey())
                    .append(" (\n  ")
                    .append(String.join(",\n  ", parts))
                    .append("\n);\n\n");
        }
        for (String index : CatalogQueries.column(c, """
                select pg_get_indexdef(i.indexrelid) from pg_index i
                join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
                where n.nspname = ? and t.relkind = 'r' and not t.relispartition
                  and t.relname <> 'flyway_schema_history' and am.amname = 'btree' and i.indexprs is null
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                  and not (%s)
                order by t.relname, ic.relname""".formatted(UNCARRIED_INDEX), schema)) {
            sql.append(withoutSchema(index, schema)).append(";\n");
        }
        return sql.toString();
    }

    /**
     * Of an index {@code i} (pg_index), what schema.sql cannot say: an operator class other than the type's
     * default, INCLUDE columns, a NULLS order other than the default (indoption: 1 = DESC, 2 = NULLS FIRST).
     */
    private static final String UNCARRIED_INDEX = """
            i.indnkeyatts < i.indnatts
            or exists (select 1 from unnest(i.indclass::oid[]) oc join pg_opclass o on o.oid = oc where not o.opcdefault)
            or exists (select 1 from unnest(i.indoption::int2[]) o where o in (1, 2))""";

    /**
     * What a PostgreSQL-only project carries and one for both engines does not: extensions, and indexes with a
     * method other than btree or an expression.
     */
    public static List<PostgresOnlyStatement> postgresOnly(Connection c, String schema) throws SQLException {
        List<PostgresOnlyStatement> carried = new ArrayList<>();
        for (String e : extensions(c)) {
            carried.add(new PostgresOnlyStatement(
                    "create extension if not exists \"" + e + "\"",
                    "extension " + e + ": PostgreSQL-only; carried when slipway.engines=postgresql, else keep it in"
                            + " a PostgreSQL migration you write by hand"));
        }
        Map<String, String> indexes = CatalogQueries.pairs(c, """
                select t.relname || '.' || ic.relname || ' ('
                       || case when am.amname <> 'btree' then am.amname else 'expression' end || ')',
                       pg_get_indexdef(i.indexrelid) from pg_index i
                join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
                where n.nspname = ? and t.relkind = 'r' and not t.relispartition
                  and (am.amname <> 'btree' or i.indexprs is not null)
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                  and not (%s)
                order by t.relname, ic.relname""".formatted(UNCARRIED_INDEX), schema);
        for (Map.Entry<String, String> index : indexes.entrySet()) {
            carried.add(new PostgresOnlyStatement(
                    withoutSchema(index.getValue(), schema),
                    "index " + index.getKey() + ": PostgreSQL's own; carried when slipway.engines=postgresql, else"
                            + " keep it in a PostgreSQL migration you write by hand"));
        }
        return carried;
    }

    /** "CREATE INDEX name ON public.t USING btree (a, b DESC)": schema.sql names tables without a schema. */
    private static String withoutSchema(String indexDefinition, String schema) {
        return indexDefinition
                .replaceFirst(" ON (ONLY )?" + java.util.regex.Pattern.quote(schema) + "\\.", " ON ")
                .replace(" USING btree ", " ");
    }

    /** The extensions the database has (but plpgsql, which every database has). */
    public static List<String> extensions(Connection c) throws SQLException {
        return CatalogQueries.column(c, "select extname from pg_extension where extname <> 'plpgsql' order by oid");
    }

    /** What the schema holds that schema.sql cannot: each with why, and what the user can do. */
    public static List<String> notCarried(Connection c, String schema) throws SQLException {
        List<String> left = new ArrayList<>();
        for (String p : CatalogQueries.column(c, """
                select t.relname || ' (' || pg_get_partkeydef(t.oid) || ')' from pg_class t
                join pg_namespace n on n.oid = t.relnamespace where n.nspname = ? and t.relkind = 'p'""", schema)) {
            left.add("partitioned table " + p + ": partitioning is PostgreSQL's own; the table and its partitions"
                    + " are left out (a table referencing it then stops the pull). Keep it in PostgreSQL migrations"
                    + " you write by hand, or pull a database where it is a plain table");
        }
        for (String v : CatalogQueries.column(
                c, "select table_name from information_schema.views where table_schema = ?", schema)) {
            left.add("view " + v + ": views are not carried; keep it in a migration you write by hand");
        }
        for (String s : CatalogQueries.column(c, """
                select s.relname from pg_class s join pg_namespace n on n.oid = s.relnamespace
                where n.nspname = ? and s.relkind = 'S'
                  and not exists (select 1 from pg_depend d where d.objid = s.oid and d.deptype in ('a', 'i'))""", schema)) {
            left.add("sequence " + s + ": a sequence no column owns is not carried; use an identity column, or keep"
                    + " it in a migration you write by hand");
        }
        for (String t : CatalogQueries.column(c, """
                select t.typname || ' (' || case t.typtype when 'd' then 'domain' else 'composite' end || ')'
                from pg_type t join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = ? and t.typtype = 'd'
                   or (n.nspname = ? and t.typtype = 'c'
                       and exists (select 1 from pg_class r where r.oid = t.typrelid and r.relkind = 'c'))""", schema, schema)) {
            left.add("type " + t + ": of user-defined types, Slipway carries enums only; columns of this type are"
                    + " refused too");
        }
        for (String f : CatalogQueries.column(c, """
                select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ? and not exists (select 1 from pg_depend d where d.objid = p.oid
                  and d.deptype = 'e')""", schema)) {
            left.add("function " + f + ": database code is written per engine; keep it in migrations you write by"
                    + " hand");
        }
        for (String t : CatalogQueries.column(c, """
                select g.tgname || ' on ' || r.relname from pg_trigger g join pg_class r on r.oid = g.tgrelid
                join pg_namespace n on n.oid = r.relnamespace where n.nspname = ? and not g.tgisinternal""", schema)) {
            left.add("trigger " + t + ": triggers are written per engine; keep it in migrations you write by hand");
        }
        for (String col : CatalogQueries.column(c, """
                select r.relname || '.' || a.attname from pg_depend dep
                join pg_class seq on seq.oid = dep.objid and seq.relkind = 'S'
                join pg_class r on r.oid = dep.refobjid join pg_namespace n on n.oid = r.relnamespace
                join pg_attribute a on a.attrelid = r.oid and a.attnum = dep.refobjsubid
                where n.nspname = ? and dep.deptype = 'a'""", schema)) {
            left.add("column " + col + " is serial: carried as 'generated by default as identity' (the same values;"
                    + " a new database gets an identity column, not a sequence the column owns; to make this"
                    + " database the same before a baseline: drop the default and the sequence, then add generated"
                    + " by default as identity (start with the next value))");
        }
        for (String col : CatalogQueries.column(c, """
                select r.relname || '.' || a.attname || ' default ' || pg_get_expr(d.adbin, d.adrelid) from pg_attrdef d
                join pg_class r on r.oid = d.adrelid join pg_namespace n on n.oid = r.relnamespace
                join pg_attribute a on a.attrelid = r.oid and a.attnum = d.adnum
                where n.nspname = ? and pg_get_expr(d.adbin, d.adrelid) like 'nextval(%'
                  and not exists (select 1 from pg_depend dep join pg_class seq on seq.oid = dep.objid
                                  where seq.relkind = 'S' and dep.deptype = 'a' and dep.refobjid = r.oid
                                    and dep.refobjsubid = a.attnum)""", schema)) {
            left.add("column " + col + ": carried as 'generated by default as identity', a sequence of the column's"
                    + " own (the sequence it names is not carried: if another column or the application also draws"
                    + " from it, keep it and this default in a PostgreSQL migration you write by hand; to make this"
                    + " database the same before a baseline: drop the default, then add generated by default as"
                    + " identity (start with the sequence's next value))");
        }
        for (String col : CatalogQueries.column(c, """
                select r.relname || '.' || a.attname from pg_attrdef d
                join pg_class r on r.oid = d.adrelid join pg_namespace n on n.oid = r.relnamespace
                join pg_attribute a on a.attrelid = r.oid and a.attnum = d.adnum
                where n.nspname = ? and pg_get_expr(d.adbin, d.adrelid) = 'now()'""", schema)) {
            left.add("column " + col + " default now(): written current_timestamp, the same function (pg_dump shows"
                    + " the spelling)");
        }
        for (String index : CatalogQueries.column(c, """
                select t.relname || '.' || ic.relname || ': ' || pg_get_indexdef(i.indexrelid) from pg_index i
                join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
                join pg_class ic on ic.oid = i.indexrelid
                where n.nspname = ? and t.relkind = 'r' and (%s)
                order by t.relname, ic.relname""".formatted(UNCARRIED_INDEX), schema)) {
            left.add("index " + index + ": an operator class, INCLUDE columns or NULLS FIRST/LAST are not carried;"
                    + " keep this index in a PostgreSQL migration you write by hand");
        }
        for (String d : CatalogQueries.column(c, """
                select r.relname || coalesce('.' || a.attname, '') from pg_description d
                join pg_class r on r.oid = d.objoid join pg_namespace n on n.oid = r.relnamespace
                left join pg_attribute a on a.attrelid = r.oid and a.attnum = d.objsubid and d.objsubid > 0
                where n.nspname = ? and d.classoid = 'pg_class'::regclass""", schema)) {
            left.add("comment on " + d + ": comments are not carried into the migrations");
        }
        for (String t : CatalogQueries.column(c, """
                select t.typname from pg_description d
                join pg_type t on t.oid = d.objoid join pg_namespace n on n.oid = t.typnamespace
                where n.nspname = ? and d.classoid = 'pg_type'::regclass""", schema)) {
            left.add("comment on type " + t + ": comments are not carried into the migrations");
        }
        return left;
    }

    private static List<String> columns(Connection c, long table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity,
                       pg_get_expr(d.adbin, d.adrelid),
                       case when co.collname is not null and co.collname <> 'default' then co.collname end
                from pg_attribute a
                left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                left join pg_collation co on co.oid = a.attcollation
                where a.attrelid = ? and a.attnum > 0 and not a.attisdropped order by a.attnum""")) {
            s.setLong(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    String defaultSql = rs.getString(5);
                    StringBuilder column = new StringBuilder(rs.getString(1)).append(' ');
                    // a serial (the column owns the sequence), or a default drawing from another sequence
                    boolean serial = defaultSql != null && defaultSql.startsWith("nextval(");
                    column.append(type);
                    if (serial) {
                        // the sequence's nextval default: carried as an identity (listed as such);
                        // schema.sql refuses the word serial, which would hide that it is not the same object
                        column.append(" generated by default as identity");
                        defaultSql = null;
                    }
                    if (rs.getString(6) != null)
                        column.append(" collate \"").append(rs.getString(6)).append('"');
                    String identity = rs.getString(4);
                    if ("a".equals(identity)) column.append(" generated always as identity");
                    if ("d".equals(identity)) column.append(" generated by default as identity");
                    if (rs.getBoolean(3)) column.append(" not null");
                    if (defaultSql != null) column.append(" default ").append(defaultSql);
                    columns.add(column.toString());
                }
            }
        }
        return columns;
    }
}
