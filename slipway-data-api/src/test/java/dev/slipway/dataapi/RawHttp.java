package dev.slipway.dataapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A client that writes HTTP by hand: partial requests, any Host, stalls, as a hostile client would. */
final class RawHttp implements AutoCloseable {

    private final Socket socket;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(15_000);
    }

    RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** A POST's head, with its body's length, and the body (or a part of it). */
    static String post(String path, String host, String extraHeaders, int contentLength) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    /** Whatever the server sends until it closes the connection (or 15 s pass): empty when it only closed. */
    String readUntilClosed() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder out = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) out.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 15 s; got so far: " + out);
        } catch (IOException reset) {
            // a reset is a close too
        }
        return out.toString();
    }

    /** The first response's status line and headers (not waiting for a close). */
    String readHead() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder out = new StringBuilder();
        while (!out.toString().contains("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            out.append((char) c);
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
