package dev.slipway.dataapi.internal.http;

import dev.slipway.dataapi.DataApiLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Listens and runs one {@link HttpConnection} per connection: HTTP/1.1 (Netty's codec, request line up to 4 KiB and
 * headers up to 16 KiB), optional TLS, and a virtual thread per request for the blocking database work.
 */
public final class HttpFront implements AutoCloseable {

    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADERS = 16 * 1024;

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup network = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final Channel listening;
    private final HttpConnection.Shared shared;

    public HttpFront(
            String bindAddress,
            int port,
            SSLContext tls,
            DataApiLimits limits,
            HttpService service,
            MeterRegistry metrics)
            throws IOException {
        AtomicInteger unauthenticated = new AtomicInteger();
        Gauge.builder("dataapi.connections.unauthenticated", unauthenticated::get)
                .description("connections that have not yet sent an authenticated request")
                .register(metrics);
        this.shared = new HttpConnection.Shared(
                service,
                limits,
                unauthenticated,
                requests,
                new AtomicInteger(),
                new java.util.concurrent.atomic.AtomicLong(),
                bodyBudget(),
                reason -> Counter.builder("dataapi.connections.closed")
                        .tag("reason", reason)
                        .register(metrics)
                        .increment());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptor, network)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            SSLEngine engine = tls.createSSLEngine();
                            engine.setUseClientMode(false);
                            SslHandler ssl = new SslHandler(engine);
                            ssl.setHandshakeTimeoutMillis(limits.headerTimeout().toMillis());
                            channel.pipeline().addLast(ssl);
                        }
                        channel.pipeline().addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 64 * 1024));
                        channel.pipeline().addLast(new HttpConnection(shared));
                    }
                });
        try {
            this.listening = bootstrap.bind(bindAddress, port).sync().channel();
        } catch (Exception e) {
            close();
            String hint = e instanceof java.net.BindException
                    ? " (another process listens there: stop it, or choose another port with --port or"
                            + " slipway.data-api.port; 0 picks a free one)"
                    : "";
            throw new IOException("Cannot listen on " + bindAddress + ":" + port + ": " + e.getMessage() + hint, e);
        }
    }

    /** What request bodies may hold at once: a quarter of the heap, at most 256 MiB, at least one 4 MiB body. */
    static long bodyBudget() {
        long quarter = Runtime.getRuntime().maxMemory() / 4;
        return Math.max(4L * 1024 * 1024, Math.min(256L * 1024 * 1024, quarter));
    }

    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /** Stops accepting, waits up to {@code grace} for requests being served, then closes every connection. */
    public void close(Duration grace) {
        if (listening != null) listening.close().awaitUninterruptibly();
        long until = System.nanoTime() + grace.toNanos();
        while (shared != null && shared.serving().get() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        network.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        requests.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
