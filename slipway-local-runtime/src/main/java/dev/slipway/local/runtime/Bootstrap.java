package dev.slipway.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The main class of a simulated Lambda container: creates the handler once (init), then loops on the Lambda
 * Runtime API at {@code AWS_LAMBDA_RUNTIME_API} (next invocation -> handler -> response or error), as the managed
 * Java runtime does. Pure Java and JDK HTTP: AWS's runtime interface client needs a native library that is built
 * for the Lambda environment only. Events are (de)serialised by AWS's own aws-lambda-java-serialization.
 *
 * <p>Usage: {@code java -cp <task root>:<task root>/lib/*:<this and serialization jars> dev.slipway.local.runtime.Bootstrap
 * com.example.Handler::handleRequest}
 */
public final class Bootstrap {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI api;

    private Bootstrap(String runtimeApi) {
        this.api = URI.create("http://" + runtimeApi + "/2018-06-01/runtime/");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("Usage: Bootstrap <class>::<method>");
        Bootstrap bootstrap = new Bootstrap(System.getenv("AWS_LAMBDA_RUNTIME_API"));
        Invoker invoker;
        try {
            invoker = Invoker.create(args[0]);
        } catch (Throwable e) {
            bootstrap.post("init/error", error(e));
            System.exit(1);
            return;
        }
        bootstrap.loop(invoker);
    }

    private void loop(Invoker invoker) throws Exception {
        while (true) {
            HttpResponse<byte[]> next = http.send(
                    HttpRequest.newBuilder(api.resolve("invocation/next")).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String requestId =
                    next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
            long deadline = Long.parseLong(
                    next.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElse("0"));
            String arn = next.headers()
                    .firstValue("Lambda-Runtime-Invoked-Function-Arn")
                    .orElse("");
            Context context = new LocalContext(requestId, deadline, arn);
            try {
                byte[] response = invoker.invoke(next.body(), context);
                post("invocation/" + requestId + "/response", response);
            } catch (Throwable e) {
                e.printStackTrace(System.out);
                post("invocation/" + requestId + "/error", error(e));
            }
        }
    }

    private void post(String path, byte[] body) throws Exception {
        http.send(
                HttpRequest.newBuilder(api.resolve(path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Lambda's error shape: {@code {"errorMessage", "errorType", "stackTrace"}}. */
    static byte[] error(Throwable e) {
        Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                ? ite.getCause()
                : e;
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        String json = "{\"errorMessage\":" + quote(String.valueOf(cause.getMessage())) + ",\"errorType\":"
                + quote(cause.getClass().getName()) + ",\"stackTrace\":" + quote(trace.toString()) + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    /** Calls the user's handler: a stream handler as is, a typed handler through AWS's serializers. */
    interface Invoker {
        byte[] invoke(byte[] event, Context context) throws Exception;

        static Invoker create(String handler) throws Exception {
            String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
            String methodName = handler.contains("::") ? handler.substring(handler.indexOf("::") + 2) : "handleRequest";
            Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
            Object instance = type.getDeclaredConstructor().newInstance();
            if (instance instanceof RequestStreamHandler stream && methodName.equals("handleRequest")) {
                return (event, context) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    stream.handleRequest(new ByteArrayInputStream(event), out, context);
                    return out.toByteArray();
                };
            }
            // a method of the stream handler's shape on any class, which Lambda's Java runtime accepts too
            // (Class::onEvent, Class::isComplete of a CDK Provider's handlers in one class)
            java.lang.reflect.Method streamMethod;
            try {
                streamMethod = type.getMethod(
                        methodName, java.io.InputStream.class, java.io.OutputStream.class, Context.class);
            } catch (NoSuchMethodException notAStreamMethod) {
                return TypedInvoker.of(instance, methodName);
            }
            return (event, context) -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                streamMethod.invoke(instance, new ByteArrayInputStream(event), out, context); // unwrapped by report
                return out.toByteArray();
            };
        }
    }
}
