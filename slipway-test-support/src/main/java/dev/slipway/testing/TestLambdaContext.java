package dev.slipway.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Lambda context with a chosen remaining time that keeps what the function logs; a value, like the real one. */
public final class TestLambdaContext implements Context {

    private final int remainingMillis;
    private final List<String> logs = new CopyOnWriteArrayList<>();

    public TestLambdaContext(int remainingMillis) {
        this.remainingMillis = remainingMillis;
    }

    /** Everything logged through {@link #getLogger()}, one entry per call. */
    public List<String> logs() {
        return logs;
    }

    @Override
    public String getAwsRequestId() {
        return "test-request";
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "test-function";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:test-function";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                logs.add(message);
            }

            @Override
            public void log(byte[] message) {
                logs.add(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
