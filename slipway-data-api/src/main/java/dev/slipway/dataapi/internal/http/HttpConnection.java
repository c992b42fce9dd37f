package dev.slipway.dataapi.internal.http;

import dev.slipway.dataapi.DataApiLimits;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.dataapi.internal.Cancellation;
import dev.slipway.dataapi.internal.DataApiException;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One client connection, request after request. Each phase has a deadline: a new connection must send its first
 * request's headers within {@code headerTimeout}, a body must arrive within {@code bodyTimeout} of its headers, a
 * kept-alive connection may wait {@code idleTimeout} for its next request; past it the connection is closed. The
 * headers are admitted ({@link HttpService#admit}) before any body is read, and a refused request closes the
 * connection unread. Connections that have not sent an authenticated request count against
 * {@code maxUnauthenticatedConnections}; at it the server stops accepting (new clients wait in the kernel's listen
 * backlog) until one authenticates or closes. The bodies being received or served
 * share a budget ({@link HttpFront#bodyBudget}); a body past it is answered ServiceUnavailableError, so that
 * authenticated clients sending large bodies slowly cannot fill the heap either. When the client goes away while its
 * request is served, the request's statement is cancelled. Pipelined requests wait their turn (at most
 * {@link #MAX_PIPELINED} parts).
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {

    static final int MAX_PIPELINED = 64;

    /** What every connection shares. */
    record Shared(
            HttpService service,
            DataApiLimits limits,
            AtomicInteger unauthenticated,
            ExecutorService requests,
            AtomicInteger serving,
            AtomicLong bodyBytes,
            long bodyBudget,
            Consumer<String> closedFor) {}

    private enum State {
        AWAITING_HEAD,
        READING_BODY,
        SERVING,
        CLOSING
    }

    private final Shared shared;
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    private State state = State.AWAITING_HEAD;
    private boolean countedUnauthenticated;
    private boolean authenticated;
    private ScheduledFuture<?> deadline;
    private HttpService.Head head;
    private Object admission;
    private boolean keepAlive;
    private Body body;
    private Cancellation cancellation;
    /** Bytes of the current request's body counted against {@code bodyBudget}, until it has been served. */
    private long held;
    /** Whether the body's declared length was charged at its head (else each part is charged as it comes). */
    private boolean reserved;

    /** A body as it arrives; a body of its declared length is handed on without a copy. */
    private static final class Body extends ByteArrayOutputStream {
        Body(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : toByteArray();
        }
    }

    HttpConnection(Shared shared) {
        this.shared = shared;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        countedUnauthenticated = true;
        shared.unauthenticated().incrementAndGet();
        reconsiderAccepting(ctx);
        arm(ctx, shared.limits().headerTimeout(), "header_timeout");
        ctx.fireChannelActive();
    }

    /** One unauthenticated connection fewer: accepting resumes below the cap. */
    private void leftUnauthenticated(ChannelHandlerContext ctx) {
        if (!countedUnauthenticated) return;
        countedUnauthenticated = false;
        shared.unauthenticated().decrementAndGet();
        reconsiderAccepting(ctx);
    }

    /**
     * At the cap the server accepts no more connections until one authenticates or closes: new clients wait in the
     * kernel's listen backlog (a burst of cold starts is served late, not refused), and no more can be opened to hold
     * memory. Decided on the listening channel's own thread from the count at that moment, so that the last decision
     * follows the last change whichever connection's thread made it.
     */
    private void reconsiderAccepting(ChannelHandlerContext ctx) {
        var listening = ctx.channel().parent();
        if (listening == null) return;
        listening
                .eventLoop()
                .execute(() -> listening
                        .config()
                        .setAutoRead(
                                shared.unauthenticated().get() < shared.limits().maxUnauthenticatedConnections()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.SERVING) {
            if (pipelined.size() >= MAX_PIPELINED) {
                ReferenceCountUtil.release(msg);
                closeFor(ctx, "too_many_pipelined");
                return;
            }
            pipelined.add(msg);
            return;
        }
        try {
            take(ctx, msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void take(ChannelHandlerContext ctx, Object msg) {
        if (state == State.CLOSING) return;
        if (msg instanceof HttpRequest request) {
            if (state != State.AWAITING_HEAD) {
                closeFor(ctx, "unexpected_head");
                return;
            }
            onHead(ctx, request);
        }
        if (msg instanceof HttpContent content && state == State.READING_BODY) onContent(ctx, content);
    }

    private void onHead(ChannelHandlerContext ctx, HttpRequest request) {
        cancelDeadline();
        head = head(ctx, request);
        if (request.decoderResult().isFailure()) {
            refuse(
                    ctx,
                    DataApiException.badRequest("The request's line or headers are malformed or too long (at most "
                            + HttpFront.MAX_INITIAL_LINE + " and " + HttpFront.MAX_HEADERS + " bytes)."));
            return;
        }
        try {
            admission = shared.service().admit(head);
        } catch (DataApiException e) {
            refuse(ctx, e);
            return;
        }
        if (!authenticated && shared.service().authenticated(admission)) {
            authenticated = true;
            leftUnauthenticated(ctx);
        }
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > DataApiServer.MAX_REQUEST_BYTES) {
            refuse(ctx, tooLarge());
            return;
        }
        keepAlive = HttpUtil.isKeepAlive(request);
        if (declared >= 0 && !reserve(ctx, declared)) return;
        reserved = declared >= 0;
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        // a declared length is allocated once, exactly; a chunked body grows (and is charged twice what it holds)
        body = declared >= 0 ? new Body((int) declared) : new Body(256);
        state = State.READING_BODY;
        arm(ctx, shared.limits().bodyTimeout(), "body_timeout");
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            refuse(ctx, DataApiException.badRequest("The request's body is malformed."));
            return;
        }
        int n = content.content().readableBytes();
        if (body.size() + (long) n > DataApiServer.MAX_REQUEST_BYTES) {
            refuse(ctx, tooLarge());
            return;
        }
        if (!reserved && !reserve(ctx, 2L * n)) return;
        try {
            content.content().readBytes(body, n);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
        }
        if (content instanceof LastHttpContent) {
            cancelDeadline();
            serve(ctx);
        }
    }

    /**
     * Charges {@code bytes} of body to the shared budget; past it, answers ServiceUnavailableError (the client may
     * retry) and returns false.
     */
    private boolean reserve(ChannelHandlerContext ctx, long bytes) {
        if (shared.bodyBytes().addAndGet(bytes) > shared.bodyBudget()) {
            shared.bodyBytes().addAndGet(-bytes);
            shared.closedFor().accept("body_budget");
            refuse(
                    ctx,
                    DataApiException.unavailable(
                            "The proxy holds " + shared.bodyBudget() / (1024 * 1024)
                                    + " MiB of request bodies being received or served, its limit; retry.",
                            null));
            return false;
        }
        held += bytes;
        return true;
    }

    private void serve(ChannelHandlerContext ctx) {
        state = State.SERVING;
        Cancellation serving = new Cancellation();
        cancellation = serving;
        HttpService.Head servedHead = head;
        Object servedAdmission = admission;
        byte[] servedBody = body.bytes();
        body = null;
        long servedHeld = held;
        held = 0;
        shared.serving().incrementAndGet();
        shared.requests().execute(() -> {
            HttpService.Answer answer;
            try {
                answer = shared.service().serve(servedHead, servedBody, servedAdmission, serving);
            } finally {
                shared.bodyBytes().addAndGet(-servedHeld);
                shared.serving().decrementAndGet();
            }
            ctx.executor().execute(() -> answered(ctx, answer));
        });
    }

    private void answered(ChannelHandlerContext ctx, HttpService.Answer answer) {
        cancellation = null;
        if (!ctx.channel().isActive() || state != State.SERVING) return;
        if (!keepAlive) {
            state = State.CLOSING;
            ctx.writeAndFlush(response(answer, false)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.writeAndFlush(response(answer, true));
        state = State.AWAITING_HEAD;
        arm(ctx, shared.limits().idleTimeout(), "idle_timeout");
        while (!pipelined.isEmpty() && state != State.SERVING && state != State.CLOSING) {
            Object next = pipelined.poll();
            try {
                take(ctx, next);
            } finally {
                ReferenceCountUtil.release(next);
            }
        }
    }

    /** Answers a request refused on its headers or size, and closes the connection without reading on. */
    private void refuse(ChannelHandlerContext ctx, DataApiException refused) {
        cancelDeadline();
        release();
        state = State.CLOSING;
        HttpService.Head refusedHead = head != null ? head : new HttpService.Head("", "", Map.of(), false);
        ctx.writeAndFlush(response(shared.service().refusal(refusedHead, refused), false))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static DataApiException tooLarge() {
        return DataApiException.badRequest("The request is larger than the Data API's 4 MiB limit.");
    }

    private static FullHttpResponse response(HttpService.Answer answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        answer.headers().forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    private static HttpService.Head head(ChannelHandlerContext ctx, HttpRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (Map.Entry<String, String> e : request.headers()) {
            headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(e.getValue());
        }
        boolean loopback = ctx.channel().remoteAddress() instanceof InetSocketAddress a
                && a.getAddress() != null
                && a.getAddress().isLoopbackAddress();
        return new HttpService.Head(
                request.method().name(), new QueryStringDecoder(request.uri()).rawPath(), headers, loopback);
    }

    private void arm(ChannelHandlerContext ctx, Duration after, String reason) {
        cancelDeadline();
        deadline = ctx.executor().schedule(() -> closeFor(ctx, reason), after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelDeadline() {
        if (deadline != null) deadline.cancel(false);
        deadline = null;
    }

    private void closeFor(ChannelHandlerContext ctx, String reason) {
        if (state == State.CLOSING) return;
        state = State.CLOSING;
        shared.closedFor().accept(reason);
        ctx.close();
    }

    /** Gives back the budget of a body that will not be served. */
    private void release() {
        shared.bodyBytes().addAndGet(-held);
        held = 0;
        body = null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        release();
        if (cancellation != null) {
            cancellation.cancel(); // the client left while its request ran
            shared.closedFor().accept("client_left_during_request");
        }
        leftUnauthenticated(ctx);
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
        state = State.CLOSING;
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        closeFor(ctx, "error");
    }
}
