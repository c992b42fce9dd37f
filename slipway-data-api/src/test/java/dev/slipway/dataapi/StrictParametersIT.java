package dev.slipway.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A parameter of the wrong JSON type, or a DECIMAL that is not a plain one in range, is refused: never converted. */
class StrictParametersIT {

    /** A parameter value (the JSON of its {@code value}, and a typeHint or null) and what it is bound to. */
    static Map<String, String[]> badValues(boolean pg) {
        Map<String, String[]> bad = new LinkedHashMap<>();
        bad.put("longValue as text", new String[] {"n", "{\"longValue\":\"abc\"}", null});
        bad.put("longValue with a fraction", new String[] {"n", "{\"longValue\":1.5}", null});
        bad.put("longValue past 64 bits", new String[] {"n", "{\"longValue\":123456789012345678901234}", null});
        bad.put("stringValue null", new String[] {"s", "{\"stringValue\":null}", null});
        bad.put("stringValue a number", new String[] {"s", "{\"stringValue\":5}", null});
        bad.put("booleanValue maybe", new String[] {"b", "{\"booleanValue\":\"maybe\"}", null});
        bad.put("booleanValue 1", new String[] {"b", "{\"booleanValue\":1}", null});
        bad.put("doubleValue text", new String[] {"d", "{\"doubleValue\":\"x\"}", null});
        bad.put("blobValue not base64", new String[] {"y", "{\"blobValue\":\"!!not base64!!\"}", null});
        bad.put("isNull false", new String[] {"s", "{\"isNull\":false}", null});
        bad.put("no value", new String[] {"s", null, null});
        bad.put("two members", new String[] {"s", "{\"stringValue\":\"a\",\"longValue\":1}", null});
        bad.put("DECIMAL with an exponent", new String[] {"m", "{\"stringValue\":\"5e200000\"}", "DECIMAL"});
        bad.put("DECIMAL tiny exponent", new String[] {"m", "{\"stringValue\":\"1e-40000000\"}", "DECIMAL"});
        bad.put("DECIMAL not a number", new String[] {"m", "{\"stringValue\":\"12abc\"}", "DECIMAL"});
        bad.put("DECIMAL empty", new String[] {"m", "{\"stringValue\":\"\"}", "DECIMAL"});
        bad.put("typeHint a number", new String[] {"m", "{\"stringValue\":\"1\"}", "7"});
        String tooLong = pg ? "1".repeat(131_073) : "1".repeat(66);
        bad.put(
                "DECIMAL past the engine's digits",
                new String[] {"m", "{\"stringValue\":\"" + tooLong + "\"}", "DECIMAL"});
        return bad;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void everyWrongParameter_isABadRequest_andNothingIsWritten(String engine) throws Exception {
        boolean pg = engine.equals("postgresql");
        try (TestDatabase db = SessionIsolationIT.server(engine).createDatabase();
                DataApiServer proxy = SessionIsolationIT.proxyOfOneConnection(db)) {
            ProxyCalls calls = new ProxyCalls(proxy.endpoint(), null);
            String table = pg
                    ? "create table t (n bigint, s varchar(10), b boolean, d double precision, y bytea, m numeric)"
                    : "create table t (n bigint, s varchar(10), b boolean, d double, y blob, m decimal(65, 0))";
            assertThat(calls.execute(table).status()).isEqualTo(200);
            for (Map.Entry<String, String[]> e : badValues(pg).entrySet()) {
                String column = e.getValue()[0];
                ObjectNode parameter = ProxyCalls.JSON.createObjectNode().put("name", "v");
                if (e.getValue()[1] != null) parameter.set("value", ProxyCalls.JSON.readTree(e.getValue()[1]));
                if (e.getValue()[2] != null) {
                    String hint = e.getValue()[2];
                    if (hint.matches("\\d+")) parameter.put("typeHint", Integer.parseInt(hint));
                    else parameter.put("typeHint", hint);
                }
                ObjectNode body = ProxyCalls.body().put("sql", "insert into t (" + column + ") values (:v)");
                body.putArray("parameters").add(parameter);

                ProxyCalls.Answer answer = calls.call("/Execute", body);

                assertThat(answer.status()).as(e.getKey() + ": " + answer).isEqualTo(400);
                assertThat(answer.errorType()).as(e.getKey()).isEqualTo("BadRequestException");
            }
            assertThat(calls.execute("select count(*) from t").first()).isEqualTo("0");
            ObjectNode good = ProxyCalls.body().put("sql", "insert into t (m, d) values (:m, :d)");
            good.putArray("parameters")
                    .add(ProxyCalls.JSON.readTree(
                            "{\"name\":\"m\",\"value\":{\"stringValue\":\"-12\"},\"typeHint\":\"DECIMAL\"}"))
                    .add(ProxyCalls.JSON.readTree("{\"name\":\"d\",\"value\":{\"doubleValue\":"
                            + (pg ? "\"Infinity\"" : "2.5") + "}}")); // MySQL's DOUBLE holds no infinity
            assertThat(calls.call("/Execute", good).updated())
                    .as("a plain decimal, and on PostgreSQL AWS's special doubles")
                    .isEqualTo(1);
        }
    }
}
