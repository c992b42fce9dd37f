package dev.slipway.bench;

import dev.slipway.dataapi.DataApiConfig;
import dev.slipway.dataapi.DataApiServer;
import dev.slipway.testing.TestDatabase;
import dev.slipway.testing.TestServers;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What hostile clients cost the data proxy (issue 21's reproductions): 200 unauthenticated connections each
 * declaring a 4 MiB body and trickling it, 200 authenticated ones sending 4 MiB bodies and stalling before the
 * end, 200 that never send a byte, and 300 requests naming databases the proxy does not serve. For each: the heap in
 * use after a GC (before and after, in this JVM, which also runs the proxy), the platform threads, how many
 * connections the proxy still held after the deadlines, and the answers. Prints a table.
 *
 * <p>Run: {@code ./mvnw -q install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=dev.slipway.bench.DataApiExhaustionBench}
 */
public final class DataApiExhaustionBench {

    private static final int CONNECTIONS = 200;

    public static void main(String[] args) throws Exception {
        try (TestDatabase db = TestServers.postgres().createDatabase();
                DataApiServer proxy = DataApiServer.start(DataApiConfig.development(db.url(), db.user(), "", 0)
                        .withKeys(Map.of(), Set.of("bench-key")))) {
            List<String> rows = new ArrayList<>();
            rows.add(measure("200 unauthenticated, 4 MiB declared, trickled", proxy, () -> slowBodies(proxy, null)));
            rows.add(measure("200 authenticated, 4 MiB bodies, stalled", proxy, () -> slowBodies(proxy, "bench-key")));
            rows.add(measure("200 that never send a byte", proxy, () -> silent(proxy)));
            rows.add(measure("300 requests naming unknown databases", proxy, () -> unknownDatabases(proxy)));
            System.out.printf(
                    "%n%-48s %12s %12s %9s  %s%n", "clients", "heap before", "heap after", "threads", "answers");
            rows.forEach(System.out::println);
        }
    }

    private interface Attack {
        String run() throws Exception;
    }

    private static String measure(String name, DataApiServer proxy, Attack attack) throws Exception {
        long before = heapAfterGc();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        String answers = attack.run();
        long after = heapAfterGc();
        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        return String.format(
                Locale.ROOT,
                "%-48s %9.0f MB %9.0f MB %4d->%-4d %9s  %s",
                name,
                before / 1e6,
                after / 1e6,
                threads,
                threadsAfter,
                "",
                answers);
    }

    /** Opens the connections, sends each a head and the first 3.9 MiB or a trickle, then counts what came back. */
    private static String slowBodies(DataApiServer proxy, String key) throws Exception {
        int length = 4 * 1024 * 1024 - 1024;
        String head = "POST /Execute HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (key == null ? "" : "x-api-key: " + key + "\r\n") + "Content-Length: " + length + "\r\n\r\n";
        List<Socket> sockets = new ArrayList<>();
        AtomicInteger closedByServer = new AtomicInteger();
        java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> statuses =
                new java.util.concurrent.ConcurrentHashMap<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CONNECTIONS; i++) {
                Socket s = new Socket("127.0.0.1", proxy.port());
                sockets.add(s);
                clients.submit(() -> {
                    OutputStream out = s.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    int sent = 0;
                    try {
                        while (sent < length - chunk.length) {
                            out.write(chunk);
                            sent += chunk.length;
                            if (key == null) Thread.sleep(100); // a trickle
                        }
                    } catch (java.io.IOException closed) {
                        // the server closed it
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            long during = heapAfterGc();
            statuses.computeIfAbsent(
                    String.format(Locale.ROOT, "heap while held %.0f MB", during / 1e6), k -> new AtomicInteger());
            for (Socket s : sockets) {
                s.setSoTimeout(200);
                try {
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[512];
                    int n = in.read(buffer);
                    if (n > 0) {
                        String line = new String(buffer, 0, n, StandardCharsets.US_ASCII).split("\r\n")[0];
                        statuses.computeIfAbsent(line, k -> new AtomicInteger()).incrementAndGet();
                    } else {
                        closedByServer.incrementAndGet();
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    statuses.computeIfAbsent("no answer yet (held)", k -> new AtomicInteger())
                            .incrementAndGet();
                } catch (java.io.IOException reset) {
                    closedByServer.incrementAndGet();
                }
            }
            for (Socket s : sockets) s.close();
        }
        return statuses + (closedByServer.get() > 0 ? ", closed without answer: " + closedByServer : "");
    }

    private static String silent(DataApiServer proxy) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) sockets.add(new Socket("127.0.0.1", proxy.port()));
        Thread.sleep(5_000);
        long during = heapAfterGc();
        Thread.sleep(6_000); // past the 10 s header deadline
        int closed = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(100);
            try {
                if (s.getInputStream().read() < 0) closed++;
            } catch (java.net.SocketTimeoutException stillOpen) {
                // held
            } catch (java.io.IOException reset) {
                closed++;
            }
            s.close();
        }
        return String.format(
                Locale.ROOT,
                "heap while held %.0f MB; %d of %d closed by the proxy after 11 s",
                during / 1e6,
                closed,
                CONNECTIONS);
    }

    private static String unknownDatabases(DataApiServer proxy) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        java.util.Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            String body = "{\"resourceArn\":\"arn:aws:rds:us-east-1:1:cluster:bench\",\"secretArn\":"
                    + "\"arn:aws:secretsmanager:us-east-1:1:secret:bench\",\"sql\":\"select 1\",\"database\":\"nope_"
                    + i + "\"}";
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(proxy.endpoint() + "/Execute"))
                            .header("x-api-key", "bench-key")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            byStatus.merge(r.statusCode(), 1, Integer::sum);
        }
        double ms = (System.nanoTime() - started) / 1e6 / 300;
        return "status " + byStatus
                + String.format(Locale.ROOT, ", %.2f ms each, %d pools open", ms, proxy.openPools());
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
