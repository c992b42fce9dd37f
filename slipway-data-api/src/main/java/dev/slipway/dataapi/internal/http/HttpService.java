package dev.slipway.dataapi.internal.http;

import dev.slipway.dataapi.internal.Cancellation;
import dev.slipway.dataapi.internal.DataApiException;
import java.util.List;
import java.util.Map;

/** What the HTTP side asks of the server: admit a request on its headers, then serve it with its body. */
public interface HttpService {

    /**
     * The head of a request: its method, raw path and headers (lower-case names).
     *
     * @param remoteLoopback whether the peer's address is a loopback address
     */
    record Head(String method, String path, Map<String, List<String>> headers, boolean remoteLoopback) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** An answer: status, body and its content type, and extra headers. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {}

    /**
     * Decides on the headers alone, on the network thread (no blocking): returns what {@link #serve} gets back, or
     * throws to refuse the request before its body is read.
     */
    Object admit(Head head) throws DataApiException;

    /**
     * Whether an admission names a caller (a key, or a local program where the proxy has none): only such a request
     * takes its connection out of the unauthenticated count; a health check does not.
     */
    boolean authenticated(Object admission);

    /** Serves an admitted request with its whole body, on a virtual thread of its own. */
    Answer serve(Head head, byte[] body, Object admission, Cancellation cancellation);

    /** The answer to a request refused on its headers or its size. */
    Answer refusal(Head head, DataApiException refused);
}
