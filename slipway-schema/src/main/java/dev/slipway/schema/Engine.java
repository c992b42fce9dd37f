package dev.slipway.schema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jooq.SQLDialect;

/** A database engine Slipway writes migrations for. Its name is also the migrations sub-directory. */
public enum Engine {
    POSTGRESQL("postgresql", SQLDialect.POSTGRES),
    MYSQL("mysql", SQLDialect.MYSQL);

    private final String id;
    private final SQLDialect dialect;

    Engine(String id, SQLDialect dialect) {
        this.id = id;
        this.dialect = dialect;
    }

    /** The lower-case name used in directories, flags and configuration. */
    public String id() {
        return id;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** Parses {@code postgresql}/{@code postgres}/{@code pg} or {@code mysql}/{@code mariadb}, case-insensitively. */
    public static Engine parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "postgresql", "postgres", "pg", "aurora-postgresql" -> POSTGRESQL;
            case "mysql", "mariadb", "aurora-mysql" -> MYSQL;
            default ->
                throw new IllegalArgumentException("Unknown engine '" + text + "'. Use one of: "
                        + Arrays.stream(values()).map(Engine::id).collect(Collectors.joining(", ")) + ".");
        };
    }

    /** The engine a JDBC URL points at, e.g. {@code jdbc:postgresql://...} or {@code jdbc:mariadb://...}. */
    public static Engine fromJdbcUrl(String url) {
        if (url != null && url.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        if (url != null && (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) return MYSQL;
        throw new IllegalArgumentException("Cannot tell the engine from the JDBC URL (it must start with"
                + " jdbc:postgresql:, jdbc:mysql: or jdbc:mariadb:). Pass --engine postgresql|mysql.");
    }
}
