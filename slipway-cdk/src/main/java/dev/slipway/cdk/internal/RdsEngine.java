package dev.slipway.cdk.internal;

import dev.slipway.cdk.internal.mysql.MysqlRds;
import dev.slipway.cdk.internal.postgresql.PostgresRds;
import dev.slipway.core.Engine;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;

/**
 * What a Slipway database differs in by engine on AWS: the Aurora and RDS engine versions, the logs it exports to
 * CloudWatch and the parameters those logs need. The one place this module chooses by engine ({@link #of}).
 */
public interface RdsEngine {

    static RdsEngine of(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> new PostgresRds();
            case MYSQL -> new MysqlRds();
        };
    }

    /** Aurora Serverless v2's engine at the newest minor version this CDK release knows. */
    IClusterEngine clusterEngine();

    /** One RDS instance's engine, the major Aurora's is compatible with. */
    IInstanceEngine instanceEngine();

    /** The logs an Aurora cluster exports to CloudWatch Logs. */
    List<String> clusterLogExports();

    /** The cluster parameters without which those logs stay empty; empty when the defaults write them. */
    Map<String, String> clusterLogParameters();

    /** The logs an RDS instance exports to CloudWatch Logs. */
    List<String> instanceLogExports();

    /** The instance parameters without which those logs stay empty; empty when the defaults write them. */
    Map<String, String> instanceLogParameters();

    /**
     * True when cdk-nag asks for Aurora's Backtrack (AwsSolutions-RDS14, Aurora MySQL), which Serverless v2 does not
     * offer.
     */
    boolean nagAsksForBacktrack();
}
