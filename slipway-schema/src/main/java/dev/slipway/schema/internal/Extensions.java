package dev.slipway.schema.internal;

import dev.slipway.schema.SqlStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL extensions scripts create and drop, in order. jOOQ's parser reads {@code create extension} as no
 * statement at all, so Slipway follows these itself (schema.sql holds them only in a PostgreSQL-only project; a
 * PostgreSQL migration written by hand may hold them in any project).
 */
final class Extensions {

    private static final Pattern CREATE =
            Pattern.compile("(?is)^create\\s+extension\\s+(?:if\\s+not\\s+exists\\s+)?(\"[^\"]+\"|[\\w-]+).*");
    private static final Pattern DROP =
            Pattern.compile("(?is)^drop\\s+extension\\s+(?:if\\s+exists\\s+)?(\"[^\"]+\"|[\\w-]+).*");

    private Extensions() {}

    static List<String> created(List<DdlInterpreter.Source> sources) {
        List<String> extensions = new ArrayList<>();
        for (DdlInterpreter.Source source : sources) {
            for (SqlStatements.Statement statement : SqlStatements.split(source.sql())) {
                String sql = statement.sql().strip();
                Matcher create = CREATE.matcher(sql);
                Matcher drop = DROP.matcher(sql);
                if (create.matches() && !extensions.contains(name(create.group(1)))) {
                    extensions.add(name(create.group(1)));
                } else if (drop.matches()) {
                    extensions.remove(name(drop.group(1)));
                }
            }
        }
        return extensions;
    }

    private static String name(String written) {
        return written.startsWith("\"") ? written.substring(1, written.length() - 1) : written.toLowerCase(Locale.ROOT);
    }
}
