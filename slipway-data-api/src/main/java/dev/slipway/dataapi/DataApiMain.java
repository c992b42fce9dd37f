package dev.slipway.dataapi;

import dev.slipway.core.Setting;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable jar (and container) entry point: reads {@code SLIPWAY_URL}, {@code SLIPWAY_USER},
 * {@code SLIPWAY_PASSWORD} and {@code SLIPWAY_DATA_API_*} from the environment and serves until stopped; a stop
 * (SIGTERM) lets requests in flight finish and rolls back open transactions.
 */
public final class DataApiMain {

    private DataApiMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new HashMap<>();
        System.getenv().forEach((k, v) -> Setting.keyForEnv(k).ifPresent(key -> settings.put(key, v)));
        DataApiConfig config;
        try {
            config = DataApiConfig.fromSettings(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("slipway-data-api: " + e.getMessage());
            System.exit(2);
            return;
        }
        DataApiServer server = DataApiServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
