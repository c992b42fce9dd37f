package dev.slipway.lambda.migrations.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * The raw custom-resource path: Powertools PUTs the response to {@code ResponseURL}. Failures are turned into a
 * FAILED response with the reason here, so CloudFormation shows what went wrong instead of hanging or an empty
 * reason.
 */
public final class RawCustomResource extends AbstractCustomResourceHandler {

    private static final int MAX_REASON = 3500; // CloudFormation caps the whole response body at 4 KB

    /** What the resource does for an event: the Data CloudFormation exposes, or an exception for FAILED. */
    @FunctionalInterface
    public interface Action {
        Map<String, String> apply(CloudFormationCustomResourceEvent event, Context context);
    }

    private final Action action;

    public RawCustomResource(Action action, SdkHttpClient client) {
        super(client);
        this.action = action;
    }

    /** The resource's id: the one CloudFormation has, else one made from the logical id (on Create). */
    public static String physicalId(CloudFormationCustomResourceEvent event) {
        return event.getPhysicalResourceId() != null
                ? event.getPhysicalResourceId()
                : "slipway-migrations-" + event.getLogicalResourceId();
    }

    @Override
    protected Response create(CloudFormationCustomResourceEvent event, Context context) {
        return run(event, context);
    }

    @Override
    protected Response update(CloudFormationCustomResourceEvent event, Context context) {
        return run(event, context);
    }

    @Override
    protected Response delete(CloudFormationCustomResourceEvent event, Context context) {
        return run(event, context);
    }

    private Response run(CloudFormationCustomResourceEvent event, Context context) {
        String id = physicalId(event);
        try {
            return Response.builder()
                    .status(Response.Status.SUCCESS)
                    .physicalResourceId(id)
                    .value(action.apply(event, context))
                    .build();
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage());
            return Response.builder()
                    .status(Response.Status.FAILED)
                    .physicalResourceId(id)
                    .reason(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason)
                    .build();
        }
    }
}
