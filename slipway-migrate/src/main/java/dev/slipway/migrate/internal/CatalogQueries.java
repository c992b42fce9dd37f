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

    /** Every row of {@code sql}, each as its columns' text (null where SQL NULL). */
    public static List<List<String>> rows(Connection connection, String sql, Object... parameters) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement s = prepare(connection, sql, parameters);
                ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) row.add(rs.getString(i));
                rows.add(java.util.Collections.unmodifiableList(row));
            }
        }
        return rows;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) statement.setObject(i + 1, parameters[i]);
        return statement;
    }
}
