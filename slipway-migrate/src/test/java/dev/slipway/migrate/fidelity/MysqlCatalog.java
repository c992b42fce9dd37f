package dev.slipway.migrate.fidelity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The MySQL oracle. schema.sql is not MySQL SQL, so the expectation is built from what PostgreSQL made of
 * schema.sql applied directly (its catalogs name every constraint), mapped through the README's type table, which
 * is written out here again on purpose rather than taken from Slipway's renderer. The actual side is MySQL's
 * information_schema after the migrations ran. Both are sorted lines; differences are the lines in only one.
 */
final class MysqlCatalog {

    /** The README's Types table, PostgreSQL's format_type name -> MySQL's COLUMN_TYPE (MariaDB: json is longtext). */
    static String mysqlType(String pgType, boolean mariadb) {
        String t = pgType.toLowerCase(Locale.ROOT);
        if (t.startsWith("character varying")) return t.replace("character varying", "varchar");
        if (t.startsWith("character(")) return t.replace("character", "char");
        if (t.startsWith("numeric")) return t.replace("numeric", "decimal");
        // a time or timestamp keeps its fractional-second digits (PostgreSQL's default is 6); MySQL spells 0 as none
        java.util.regex.Matcher temporal = java.util.regex.Pattern.compile(
                        "(time|timestamp)(?:\\((\\d)\\))? with(?:out)? time zone")
                .matcher(t);
        if (temporal.matches()) {
            String digits = temporal.group(2) == null ? "6" : temporal.group(2);
            String name = temporal.group(1).equals("time") ? "time" : "datetime";
            return digits.equals("0") ? name : name + "(" + digits + ")";
        }
        return switch (t) {
            case "smallint" -> "smallint";
            case "integer" -> "int";
            case "bigint" -> "bigint";
            case "real" -> "float";
            case "double precision" -> "double";
            case "boolean" -> "tinyint(1)";
            case "text" -> "longtext";
            case "date" -> "date";
            case "time without time zone" -> "time(6)";
            case "timestamp without time zone", "timestamp with time zone" -> "datetime(6)";
            case "uuid" -> "char(36)";
            case "json", "jsonb" -> mariadb ? "longtext" : "json";
            case "bytea" -> "longblob";
            default -> "unmapped " + t;
        };
    }

    /**
     * The README's collation rule: text compares byte for byte as on PostgreSQL (utf8mb4_bin), a uuid ignores case
     * as PostgreSQL's uuid does (ascii_general_ci); MariaDB's json is longtext in utf8mb4_bin. Other types: none.
     */
    static String mysqlCollation(String pgType, boolean mariadb) {
        String t = pgType.toLowerCase(Locale.ROOT);
        if (t.startsWith("character") || t.equals("text")) return "utf8mb4_bin";
        if (t.equals("uuid")) return "ascii_general_ci";
        if (mariadb && (t.equals("json") || t.equals("jsonb"))) return "utf8mb4_bin";
        return "";
    }

    static List<String> expectedFromPostgres(Connection pg, boolean mariadb) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        for (List<String> r : rows(pg, """
                select c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod), c.is_nullable,
                       coalesce(c.column_default, ''), c.is_identity,
                       (select string_agg('''' || replace(e.enumlabel, '''', '''''') || '''', ',' order by e.enumsortorder)
                          from pg_enum e where e.enumtypid = a.atttypid)
                from information_schema.columns c
                join pg_attribute a on a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass
                                   and a.attname = c.column_name
                where c.table_schema = 'public'""")) {
            // an enum type: on MySQL the same labels inline, in the same order, compared byte for byte
            boolean enumType = r.get(6) != null;
            String type = enumType ? "enum(" + r.get(6) + ")" : mysqlType(r.get(2), mariadb);
            String def = r.get(5).equals("YES") ? "" : defaultValue(r.get(4));
            java.util.regex.Matcher numeric =
                    java.util.regex.Pattern.compile("numeric\\(\\d+,(\\d+)\\)").matcher(r.get(2));
            if (numeric.matches() && !def.isEmpty()) { // both engines round a default to the scale when they store it
                def = new java.math.BigDecimal(def)
                        .setScale(Integer.parseInt(numeric.group(1)), java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString();
            }
            lines.add("column " + r.get(0) + "." + r.get(1) + " " + type + " collate="
                    + (enumType ? "utf8mb4_bin" : mysqlCollation(r.get(2), mariadb)) + " null=" + r.get(3)
                    + (r.get(5).equals("YES") ? " auto_increment" : "") + " default=" + def);
        }
        for (List<String> r : rows(pg, """
                select cl.relname, con.conname, con.contype, con.confdeltype, rc.relname,
                       con.confupdtype,
                       (select string_agg(a.attname, ',' order by k.ord) from unnest(con.conkey) with ordinality k(num, ord)
                          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num),
                       (select string_agg(a.attname, ',' order by k.ord) from unnest(con.confkey) with ordinality k(num, ord)
                          join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num)
                from pg_constraint con join pg_class cl on cl.oid = con.conrelid
                left join pg_class rc on rc.oid = con.confrelid
                where con.connamespace = 'public'::regnamespace""")) {
            String table = r.get(0);
            switch (r.get(2)) {
                case "p" -> lines.add("primary key " + table + " (" + r.get(6) + ")");
                case "u" -> lines.add("unique " + table + " " + r.get(1) + " (" + r.get(6) + ")");
                case "c" -> lines.add("check " + table + " " + r.get(1));
                case "f" ->
                    lines.add("foreign key " + table + " " + r.get(1) + " (" + r.get(6) + ") -> " + r.get(4) + " ("
                            + r.get(7) + ") on delete " + pgRule(r.get(3)) + " on update " + pgRule(r.get(5)));
                default -> lines.add("constraint of kind " + r.get(2) + " " + r.get(1));
            }
        }
        for (List<String> r : rows(pg, """
                select t.relname, i.relname, ix.indisunique,
                       (select string_agg(a.attname || case when (ix.indoption[k.ord - 1] & 1) = 1 then ' desc' else '' end,
                                          ',' order by k.ord)
                          from unnest(ix.indkey) with ordinality k(num, ord)
                          join pg_attribute a on a.attrelid = t.oid and a.attnum = k.num)
                from pg_index ix join pg_class i on i.oid = ix.indexrelid join pg_class t on t.oid = ix.indrelid
                where t.relnamespace = 'public'::regnamespace
                  and not exists (select 1 from pg_constraint c where c.conindid = ix.indexrelid)""")) {
            // MySQL keeps no difference between a unique index and a unique constraint
            lines.add(
                    (r.get(2).equals("t") ? "unique " : "index ") + r.get(0) + " " + r.get(1) + " (" + r.get(3) + ")");
        }
        return new ArrayList<>(lines);
    }

    static List<String> actual(Connection my, String database) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        String schema = "'" + database + "'";
        for (List<String> r : rows(
                my,
                "select table_name, column_name, column_type, is_nullable, column_default, extra,"
                        + " coalesce(collation_name, '')"
                        + " from information_schema.columns where table_schema = " + schema
                        + " and table_name <> 'flyway_schema_history'")) {
            String type = r.get(2)
                    .replaceAll("^(tinyint|smallint|int|bigint)\\((\\d+)\\)", "$1")
                    .replaceAll("^tinyint$", "tinyint(1)");
            if (r.get(2).startsWith("tinyint(1)")) type = "tinyint(1)";
            boolean identity = r.get(5) != null && r.get(5).contains("auto_increment");
            lines.add("column " + r.get(0) + "." + r.get(1) + " " + type + " collate=" + r.get(6) + " null=" + r.get(3)
                    + (identity ? " auto_increment" : "") + " default=" + defaultValue(r.get(4)));
        }
        Map<String, String> foreignKeyNames = new LinkedHashMap<>();
        for (List<String> r : rows(my, """
                select rc.table_name, rc.constraint_name, rc.referenced_table_name, rc.delete_rule, rc.update_rule,
                       group_concat(k.column_name order by k.ordinal_position),
                       group_concat(k.referenced_column_name order by k.ordinal_position)
                from information_schema.referential_constraints rc
                join information_schema.key_column_usage k on k.constraint_schema = rc.constraint_schema
                     and k.table_name = rc.table_name and k.constraint_name = rc.constraint_name
                where rc.constraint_schema = """ + schema + " group by 1, 2, 3, 4, 5")) {
            foreignKeyNames.put(r.get(0) + "." + r.get(1), r.get(1));
            lines.add("foreign key " + r.get(0) + " " + r.get(1) + " (" + r.get(5) + ") -> " + r.get(2) + " ("
                    + r.get(6) + ") on delete " + mysqlRule(r.get(3)) + " on update " + mysqlRule(r.get(4)));
        }
        for (List<String> r : rows(
                my,
                "select table_name, constraint_name, check_clause from"
                        + " information_schema.check_constraints where constraint_schema = " + schema)) {
            if (r.get(2).toLowerCase(Locale.ROOT).startsWith("json_valid(")) continue; // MariaDB's own JSON check
            lines.add("check " + r.get(0) + " " + r.get(1));
        }
        for (List<String> r : rows(my, """
                select table_name, index_name, non_unique,
                       group_concat(concat(column_name, if(collation = 'D', ' desc', '')) order by seq_in_index)
                from information_schema.statistics where table_schema = """ + schema + " and table_name <> 'flyway_schema_history' group by 1, 2, 3")) {
            String table = r.get(0);
            String name = r.get(1);
            if (name.equals("PRIMARY")) {
                lines.add("primary key " + table + " (" + r.get(3).replace(" desc", "") + ")");
            } else if (foreignKeyNames.containsKey(table + "." + name)) {
                continue; // MySQL's own index behind a foreign key; see docs/schema-fidelity.md
            } else {
                lines.add((r.get(2).equals("0") ? "unique " : "index ") + table + " " + name + " (" + r.get(3) + ")");
            }
        }
        return new ArrayList<>(lines);
    }

    /**
     * The lines only one of two catalogs has that no line of {@code listed} names: "T.C" for a column, "T.N" for a
     * key or index, "T" for a primary key, or the view T. What schema pull reported may differ; nothing else may.
     */
    static List<String> unlistedDifferences(List<String> was, List<String> is, List<String> listed) {
        List<String> only =
                new ArrayList<>(was.stream().filter(l -> !is.contains(l)).toList());
        only.addAll(is.stream().filter(l -> !was.contains(l)).toList());
        return only.stream()
                .filter(line -> {
                    String[] words = line.split(" ");
                    String about = switch (words[0]) {
                        case "column" -> words[1];
                        case "primary" -> words[2];
                        case "foreign" -> words[2] + "." + words[3];
                        default -> words[1] + "." + words[2];
                    };
                    String table = about.split("\\.")[0];
                    // a view's columns are in information_schema.columns too: the view is listed as a whole
                    return listed.stream().noneMatch(l -> l.contains(about) || l.startsWith("view " + table + ":"));
                })
                .toList();
    }

    /** Both engines' default expressions in one spelling: quotes, casts and case of current_timestamp removed. */
    static String defaultValue(String raw) {
        if (raw == null || raw.equalsIgnoreCase("NULL")) return "";
        String v = raw.strip();
        while (v.startsWith("(") && v.endsWith(")"))
            v = v.substring(1, v.length() - 1).strip();
        v = v.replaceAll("::[a-z_][a-z0-9_ ]*(\\(\\d+(,\\d+)?\\))?( with(out)? time zone)?$", "");
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.matches("current_timestamp(\\(\\d?\\))?|now\\(\\)")) return "now";
        if (lower.matches("current_date(\\(\\))?|curdate\\(\\)")) return "today";
        if (lower.equals("true")) return "1";
        if (lower.equals("false")) return "0";
        // MySQL prints 12:34:56.000000; PostgreSQL adds the offset to a timestamp with time zone (UTC here)
        // and writes the fraction to the column's digits (.500), PostgreSQL only to the digits it needs (.5)
        v = v.replaceAll("(\\d\\d:\\d\\d:\\d\\d)(?:(\\.\\d*?)0*)?(?:\\+00)?('?)$", "$1$2$3")
                .replaceAll("\\.('?)$", "$1");
        if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1)
                    .replace("''", "'")
                    .replace("\\'", "'")
                    .replace("\\\\", "\\");
        }
        try {
            return new java.math.BigDecimal(v).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static String pgRule(String code) {
        return switch (code) {
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            default -> "no action or restrict"; // InnoDB: RESTRICT and NO ACTION are the same
        };
    }

    private static String mysqlRule(String rule) {
        return switch (rule) {
            case "CASCADE" -> "cascade";
            case "SET NULL" -> "set null";
            case "SET DEFAULT" -> "set default";
            default -> "no action or restrict";
        };
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                rows.add(row);
            }
        }
        return rows;
    }
}
