package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.core.Engine;
import dev.slipway.core.SqlErrorKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** Runs one ExecuteStatement or BatchExecuteStatement on a connection and builds the Data API's answer. */
final class Statements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Statements() {}

    static ObjectNode execute(Connection c, Engine engine, JsonNode request, Duration timeout, Cancellation cancel)
            throws SQLException {
        ProxyEngine rules = ProxyEngine.of(engine);
        NamedParameters sql = NamedParameters.parse(request.path("sql").asText(), rules.mysqlSyntax());
        Parameters parameters = new Parameters(request.get("parameters"));
        Results.Options options = Results.Options.from(request.get("resultSetOptions"));
        boolean json = "JSON".equals(request.path("formatRecordsAs").asText("NONE"));
        boolean metadata = request.path("includeResultMetadata").asBoolean(false);
        ObjectNode response = JSON.objectNode();
        try (PreparedStatement s = rules.prepare(c, sql.sql())) {
            timeout(s, request, timeout);
            parameters.bind(s, sql.names(), !rules.mysqlSyntax());
            cancel.running(s);
            if (s.execute()) {
                try (ResultSet rs = s.getResultSet()) {
                    ResponseBudget budget = new ResponseBudget();
                    if (json) {
                        response.put("formattedRecords", Results.formatted(rs, options, budget));
                    } else {
                        if (metadata) response.set("columnMetadata", Results.columnMetadata(rs.getMetaData()));
                        response.set("records", Results.records(rs, options, budget));
                    }
                }
                response.put("numberOfRecordsUpdated", 0);
            } else {
                response.put("numberOfRecordsUpdated", Math.max(0, s.getUpdateCount()));
                if (metadata && !json) response.set("columnMetadata", JSON.arrayNode());
            }
            response.set("generatedFields", rules.generatedKeys() ? generated(s, options) : JSON.arrayNode());
        } finally {
            cancel.running(null);
        }
        return response;
    }

    static ObjectNode batch(Connection c, Engine engine, JsonNode request, Duration timeout, Cancellation cancel)
            throws SQLException {
        ProxyEngine rules = ProxyEngine.of(engine);
        NamedParameters sql = NamedParameters.parse(request.path("sql").asText(), rules.mysqlSyntax());
        JsonNode sets = request.get("parameterSets");
        ArrayNode results = JSON.arrayNode();
        try (PreparedStatement s = rules.prepare(c, sql.sql())) {
            timeout(s, request, timeout);
            int count = 0;
            if (sets != null && sets.isArray()) {
                for (JsonNode set : sets) {
                    new Parameters(set).bind(s, sql.names(), !rules.mysqlSyntax());
                    s.addBatch();
                    count++;
                }
            }
            cancel.running(s);
            if (count == 0) {
                s.execute();
            } else {
                s.executeBatch();
            }
            ArrayNode keys = rules.generatedKeys() ? generated(s, Results.Options.from(null)) : JSON.arrayNode();
            for (int i = 0; i < count; i++) {
                ObjectNode result = results.addObject();
                ArrayNode fields = result.putArray("generatedFields");
                if (i < keys.size()) fields.add(keys.get(i));
            }
        } finally {
            cancel.running(null);
        }
        return JSON.objectNode().set("updateResults", results);
    }

    private static void timeout(PreparedStatement s, JsonNode request, Duration timeout) throws SQLException {
        if (!request.path("continueAfterTimeout").asBoolean(false)) s.setQueryTimeout((int) timeout.toSeconds());
    }

    private static ArrayNode generated(PreparedStatement s, Results.Options options) throws SQLException {
        ArrayNode out = JSON.arrayNode();
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (keys == null) return out;
            while (keys.next()) out.add(Results.field(keys, 1, keys.getMetaData(), options));
        }
        return out;
    }

    /**
     * A database error as the Data API reports it: the database's own message and its SQL state. A lost or refused
     * connection ({@link SqlErrorKind#CONNECTION_LOST}) is ServiceUnavailableError, which
     * the SDKs retry: the statement did not complete, so a retry cannot apply it twice outside a transaction.
     */
    static DataApiException databaseError(SQLException e) {
        // JDBC's query timeout: pgjdbc cancels, MariaDB interrupts (SqlErrorKind has the states)
        boolean timedOut = dev.slipway.core.SqlErrorKind.of(e) == dev.slipway.core.SqlErrorKind.STATEMENT_TIMEOUT;
        if (String.valueOf(e.getMessage()).contains("maxResultBuffer")) { // pgjdbc stopped reading a huge result
            return DataApiException.badRequest(ResponseBudget.TOO_LARGE);
        }
        if (timedOut) {
            return new DataApiException("StatementTimeoutException", 400, "Request timed out", e);
        }
        if (SqlErrorKind.of(e) == SqlErrorKind.CONNECTION_LOST) {
            return DataApiException.unavailable(
                    "The database connection was lost ("
                            + String.valueOf(e.getMessage()).strip() + "; SQLState: " + e.getSQLState() + "); retry.",
                    e);
        }
        String state = e.getSQLState() == null ? "" : "; SQLState: " + e.getSQLState();
        return DataApiException.databaseError(String.valueOf(e.getMessage()).strip() + state, e);
    }
}
