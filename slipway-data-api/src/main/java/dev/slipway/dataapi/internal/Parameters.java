package dev.slipway.dataapi.internal;

import com.fasterxml.jackson.databind.JsonNode;
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
        JsonNode hintNode = parameter.get("typeHint");
        if (hintNode != null && !hintNode.isNull() && !hintNode.isTextual()) {
            throw DataApiException.badRequest(
                    "typeHint must be a string (DATE, TIME, TIMESTAMP, DECIMAL, UUID or JSON).");
        }
        String hint = hintNode == null || hintNode.isNull() ? null : hintNode.textValue();
        String name = parameter.get("name").asText();
        if (value == null || value.isNull() || !value.isObject() || value.size() != 1) {
            throw DataApiException.badRequest("Parameter " + name + " needs a value with exactly one member"
                    + " (isNull, booleanValue, longValue, doubleValue, stringValue or blobValue).");
        }
        String member = value.fieldNames().next();
        JsonNode v = value.get(member);
        switch (member) {
            case "isNull" -> {
                if (!v.isBoolean() || !v.booleanValue()) throw wrongType(name, member, "true");
                s.setNull(index, Types.NULL);
            }
            case "booleanValue" -> {
                if (!v.isBoolean()) throw wrongType(name, member, "true or false");
                s.setBoolean(index, v.booleanValue());
            }
            case "longValue" -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw wrongType(name, member, "a whole JSON number within 64 bits");
                }
                s.setLong(index, v.longValue());
            }
            case "doubleValue" -> s.setDouble(index, doubleOf(name, v));
            case "blobValue" -> {
                if (!v.isTextual()) throw wrongType(name, member, "a base64 string");
                try {
                    s.setBytes(index, Base64.getDecoder().decode(v.textValue()));
                } catch (IllegalArgumentException e) {
                    throw DataApiException.badRequest("Parameter " + name + ": blobValue is not valid base64.");
                }
            }
            case "stringValue" -> {
                if (!v.isTextual()) throw wrongType(name, member, "a JSON string");
                bindString(s, index, name, v.textValue(), hint, postgres);
            }
            case "arrayValue" ->
                throw DataApiException.badRequest("Array parameters are not supported (parameter " + name + ").");
            default -> throw DataApiException.badRequest("Parameter " + name + " has an unknown value type " + member);
        }
    }

    /** A JSON number, or the strings AWS's JSON protocol sends for the special values. */
    private static double doubleOf(String name, JsonNode v) {
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw wrongType(name, "doubleValue", "a JSON number (or \"NaN\", \"Infinity\", \"-Infinity\")");
    }

    private static DataApiException wrongType(String name, String member, String expected) {
        return DataApiException.badRequest("Parameter " + name + ": " + member + " must be " + expected + ".");
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
                case "DECIMAL" -> s.setBigDecimal(index, PlainDecimal.parse(name, text, pg));
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
