package dev.slipway.migrate.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small catalog reads: one query, its parameters bound in order, its rows in the order the query gives them. */
public final class CatalogQueries {

    private CatalogQueries() {}

    /** The first column of each row of {@code sql}. */
    public static List<String> column(Connection connection, String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = prepare(connection, sql, parameters);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }

    /** The first two columns of each row of {@code sql}, as keys and values. */
    public static Map<String, String> pairs(Connection connection, String sql, Object... parameters)
            throws SQLException {
        Map<String, String> pairs = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(connection, sql, parameters);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) pairs.put(rs.getString(1), rs.getString(2));
        }
        return pairs;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
        return statement;
    }
}
