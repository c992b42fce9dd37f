package dev.slipway.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small operations on JDBC URLs of the form {@code jdbc:<driver>://host:port/database?params}. */
public final class JdbcUrls {

    private static final Pattern URL = Pattern.compile("(jdbc:[a-z-]+://[^/?]*)(?:/([^?]*))?(\\?.*)?");
    private static final Pattern SECRET_PARAM =
            Pattern.compile("(?i)((?:password|pwd|secret|token|sslpassword|secretaccesskey|apikey)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@]*@");

    private JdbcUrls() {}

    public static String withDatabase(String url, String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot find the database name in " + mask(url)
                    + "; use the form jdbc:postgresql://host:port/database.");
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** The database name of the URL, or an empty string. */
    public static String database(String url) {
        Matcher m = URL.matcher(url);
        return m.matches() && m.group(2) != null ? m.group(2) : "";
    }

    /**
     * Fails, naming the JDBC URL to use instead, when {@code url} is not a JDBC URL: a {@code postgres://} or
     * {@code mysql://} URL (as libpq, Prisma and most ORMs write them) would otherwise meet "No suitable driver" on
     * every connection attempt, which reads like a network problem.
     */
    public static String requireJdbc(String url) {
        if (url == null || url.startsWith("jdbc:")) return url;
        Matcher m = Pattern.compile("(?i)(postgres|postgresql|mysql|mariadb)://(?:([^@/]*)@)?(.*)")
                .matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException(mask(url) + " is not a JDBC URL; Slipway connects with JDBC: use e.g."
                    + " jdbc:postgresql://127.0.0.1:5432/app or jdbc:mysql://127.0.0.1:3306/app.");
        }
        String scheme = m.group(1).toLowerCase(java.util.Locale.ROOT);
        String driver = scheme.startsWith("postgres") ? "postgresql" : scheme;
        String credentials = m.group(2) == null
                ? ""
                : " The user and password go in --user and --password (or SLIPWAY_USER and SLIPWAY_PASSWORD), not in"
                        + " the URL.";
        throw new IllegalArgumentException(mask(url) + " is not a JDBC URL; Slipway connects with JDBC: use jdbc:"
                + driver + "://" + m.group(3) + "." + credentials);
    }

    /** The URL with any password or user-info replaced by {@code ***}: the only form of a URL Slipway logs. */
    public static String mask(String url) {
        if (url == null) return null;
        String masked = SECRET_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("$1***@");
    }
}
