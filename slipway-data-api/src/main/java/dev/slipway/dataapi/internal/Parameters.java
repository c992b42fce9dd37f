package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Binds the Data API's {@code SqlParameter}s ({@code {name, value: Field, typeHint}}) to a JDBC statement. A
 * {@code stringValue} without a hint binds as a string (Aurora binds it as {@code character varying} too); the
 * hints DATE, TIME, TIMESTAMP, DECIMAL, UUID and JSON bind the matching type.
 */
final class Parameters {

    private final Map<String, JsonNode> byName = new HashMap<>();

    Parameters(JsonNode parameters) {
        if (parameters == null || parameters.isNull()) return;
        if (!parameters.isArray()) throw DataApiException.badRequest("parameters must be a list of SqlParameter.");
        for (JsonNode p : parameters) {
            JsonNode name = p.get("name");
            if (name == null || !name.isTextual()) {
                throw DataApiException.badRequest("Each parameter needs a name (the SQL refers to it as :name).");
            }
            byName.put(name.asText(), p);
        }
    }

    void bind(PreparedStatement statement, List<String> names, boolean postgres) throws SQLException {
        for (int i = 0; i < names.size(); i++) {
            JsonNode parameter = byName.get(names.get(i));
            if (parameter == null) {
                throw DataApiException.badRequest("The SQL uses :" + names.get(i) + " but no parameter has that name.");
            }
            bindOne(statement, i + 1, parameter, postgres);
        }
    }

    private static void bindOne(PreparedStatement s, int index, JsonNode parameter, boolean postgres)
            throws SQLException {
        JsonNode value = parameter.get("value");
        String hint =
                parameter.hasNonNull("typeHint") ? parameter.get("typeHint").asText() : null;
        String name = parameter.get("name").asText();
        if (value == null || value.isNull() || !value.isObject() || value.size() != 1) {
            throw DataApiException.badRequest("Parameter " + name + " needs a value with exactly one member"
                    + " (isNull, booleanValue, longValue, doubleValue, stringValue or blobValue).");
        }
        String member = value.fieldNames().next();
        JsonNode v = value.get(member);
        switch (member) {
            case "isNull" -> s.setNull(index, Types.NULL);
            case "booleanValue" -> s.setBoolean(index, v.asBoolean());
            case "longValue" -> s.setLong(index, v.asLong());
            case "doubleValue" -> s.setDouble(index, v.asDouble());
            case "blobValue" -> s.setBytes(index, Base64.getDecoder().decode(v.asText()));
            case "stringValue" -> bindString(s, index, name, v.asText(), hint, postgres);
            case "arrayValue" ->
                throw DataApiException.badRequest("Array parameters are not supported (parameter " + name + ").");
            default -> throw DataApiException.badRequest("Parameter " + name + " has an unknown value type " + member);
        }
    }

    private static void bindString(PreparedStatement s, int index, String name, String text, String hint, boolean pg)
            throws SQLException {
        if (hint == null) {
            s.setString(index, text);
            return;
        }
        try {
            switch (hint) {
                case "DATE" -> s.setObject(index, LocalDate.parse(text));
                case "TIME" -> s.setObject(index, LocalTime.parse(text));
                case "TIMESTAMP" ->
                    s.setObject(index, LocalDateTime.parse(text.trim().replace(' ', 'T')));
                case "DECIMAL" -> s.setBigDecimal(index, new BigDecimal(text));
                case "UUID" -> {
                    if (pg) s.setObject(index, UUID.fromString(text));
                    else s.setString(index, UUID.fromString(text).toString());
                }
                case "JSON" -> {
                    if (pg) s.setObject(index, text, Types.OTHER); // the server infers json or jsonb
                    else s.setString(index, text);
                }
                default ->
                    throw DataApiException.badRequest("Parameter " + name + " has an unknown typeHint " + hint
                            + "; use DATE, TIME, TIMESTAMP, DECIMAL, UUID or JSON.");
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            if (e instanceof DataApiException d) throw d;
            throw DataApiException.badRequest("Parameter " + name + " is not a valid " + hint + ": '" + text + "'.");
        }
    }
}
