package dev.slipway.cdk.internal;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with the reason a reviewer needs. */
public final class Nag {

    private Nag() {}

    public static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(
                construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()),
                true);
    }

    /** What cdk-nag finds in the CDK Provider framework's own resources, which this stack does not write. */
    public static void providerFramework(IConstruct provider) {
        suppress(
                provider,
                "AwsSolutions-IAM4",
                "The CDK Provider framework's functions use the AWS-maintained AWSLambdaBasicExecutionRole for"
                        + " their logs.");
        suppress(
                provider,
                "AwsSolutions-IAM5",
                "The Provider framework may invoke every version of its handlers (lambda:InvokeFunction on their"
                        + " ARN and ARN:*), and, when asynchronous, run its waiter state machine.");
        suppress(
                provider,
                "AwsSolutions-L1",
                "The Provider framework's Node.js runtime is chosen by the CDK release, not by this stack.");
    }

    /** The managed policies every Lambda in a VPC needs; AWS maintains them and they grant logs and ENIs only. */
    public static void lambdaManagedPolicies(IConstruct function) {
        suppress(
                function,
                "AwsSolutions-IAM4",
                "AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole are"
                        + " AWS-maintained: CloudWatch Logs writes and VPC network interfaces, nothing else.");
        suppress(
                function,
                "AwsSolutions-IAM5",
                "Lambda's VPC access needs ec2:*NetworkInterface* on '*' (ENIs have"
                        + " no ARN before they exist); log streams are created under the function's own log group.");
    }
}
