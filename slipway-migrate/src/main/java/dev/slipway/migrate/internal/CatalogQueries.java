package dev.slipway.migrate.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Small catalog reads the engine behaviours share. */
public final class CatalogQueries {

    private CatalogQueries() {}

    /** The first two columns of {@code sql} (one {@code ?}, bound to {@code parameter}) as a sorted map. */
    public static Map<String, String> pairs(Connection connection, String sql, String parameter) throws SQLException {
        Map<String, String> pairs = new TreeMap<>();
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) pairs.put(rs.getString(1), rs.getString(2));
            }
        }
        return pairs;
    }
}
