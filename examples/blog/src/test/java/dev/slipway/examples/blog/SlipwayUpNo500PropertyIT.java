package dev.slipway.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.examples.blog.api.BlogApiNo500PropertyIT;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The no-500 property over real HTTP: {@code slipway up} as a process (its local HTTP API, the function from its
 * zip in its own JVM), sent raw requests over a socket so that what no HTTP client library would send goes too:
 * paths with raw non-ASCII and invalid UTF-8 bytes, bodies that are not UTF-8, lying content types, bearer tokens
 * missing, altered or cut short. Every answer is a 2xx, a 4xx with the JSON error shape, or API Gateway's own
 * 401/403 refusal of a route's caller.
 */
class SlipwayUpNo500PropertyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What RFC 3986 allows unencoded in a path and query; a client encodes the rest. */
    private static final String URI_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%";

    private static TestDatabase db;
    private static SlipwayUpProcess up;
    private static int port;
    private static String token;

    @BeforeContainer
    static void startUp() throws Exception {
        db = TestServers.postgres().createDatabase();
        up = SlipwayUpProcess.start("--url", db.url(), "--user", db.user(), "--password", db.password());
        String url = up.awaitUrl();
        port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        token = SlipwayUpProcess.token("property");
    }

    /**
     * Most requests carry a valid token (so that the function is reached), some none, some a token with one
     * character changed or cut short: API Gateway's refusals are 401/403, never anything else.
     */
    private static String authorization(BlogApiNo500PropertyIT.Request request) {
        int pick = Math.floorMod(request.hashCode(), 20);
        if (pick < 14) return "Bearer " + token;
        if (pick < 17) return null;
        char[] changed = token.toCharArray();
        int at = Math.floorMod(request.hashCode() / 20, changed.length);
        changed[at] = changed[at] == 'A' ? 'B' : 'A';
        return "Bearer " + (pick == 19 ? token.substring(0, at) : new String(changed));
    }

    @AfterContainer
    static void stop() throws Exception {
        if (up != null) up.close();
        if (db != null) db.close();
    }

    @Property
    void everyAnswerOverHttp_isA2xxOrA4xxWithTheErrorShape(@ForAll("requests") BlogApiNo500PropertyIT.Request request)
            throws Exception {
        byte[] body = request.body() == null
                ? new byte[0]
                : request.base64() ? notUtf8(request.body()) : request.body().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        String method = request.method().isEmpty() ? "GET" : request.method();
        head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        head.writeBytes(rawPath(request.path()));
        head.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
        if (request.contentType() != null) {
            head.writeBytes(("Content-Type: " + request.contentType() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        String authorization = authorization(request);
        if (authorization != null) {
            head.writeBytes(("Authorization: " + authorization + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        head.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = Integer.parseInt(answer.substring(9, 12));
        String json = answer.contains("\r\n\r\n") ? answer.substring(answer.indexOf("\r\n\r\n") + 4) : "";
        assertThat(status).as("%s %s -> %s", method, request.path(), answer).isBetween(200, 499);
        boolean gatewayRefusal = (status == 401 && json.equals("{\"message\":\"Unauthorized\"}"))
                || (status == 403 && json.equals("{\"message\":\"Forbidden\"}"));
        if (status >= 400 && !method.equals("HEAD") && !gatewayRefusal) {
            assertThat(json.strip())
                    .as("%s %s -> %s", method, request.path(), answer)
                    .startsWith("{");
            JsonNode error = JSON.readTree(json);
            assertThat(error.path("error").isTextual()).as(answer).isTrue();
            assertThat(error.path("message").isTextual()).as(answer).isTrue();
        }
    }

    @Provide
    Arbitrary<BlogApiNo500PropertyIT.Request> requests() {
        return BlogApiNo500PropertyIT.requestsTo(List.of("postgresql"));
    }

    /**
     * The request target on the wire: what RFC 3986 allows as is, every other byte percent-encoded, as a client
     * sends it (a raw {@code "} or control byte there is not HTTP, and the local server's parser rejects it before
     * the function is reached), a lone surrogate as {@code %ED%A0%80}, which is not UTF-8, so that the decoding
     * below the handler meets it.
     */
    private static byte[] rawPath(String path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < path.length()
                            && Character.isLowSurrogate(path.charAt(i + 1)))) {
                out.append("%ED%A0%80");
                continue;
            }
            if (c == '%' && !(i + 2 < path.length() && isHex(path.charAt(i + 1)) && isHex(path.charAt(i + 2)))) {
                out.append("%25"); // a '%' that starts no escape is not a URI; a client encodes it
                continue;
            }
            int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
            for (byte b : path.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                int v = b & 0xff;
                if (v < 0x7f && URI_CHARS.indexOf(v) >= 0) out.append((char) v);
                else out.append('%').append(String.format("%02X", v));
            }
            i = end - 1;
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** The body's bytes with a byte sequence that is not UTF-8 in the middle. */
    private static byte[] notUtf8(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, bytes.length / 2);
        out.write(0xC3);
        out.write(0x28);
        out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        return out.toByteArray();
    }
}
