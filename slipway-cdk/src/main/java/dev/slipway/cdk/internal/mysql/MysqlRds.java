package dev.slipway.cdk.internal.mysql;

import dev.slipway.cdk.internal.RdsEngine;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.rds.AuroraMysqlClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraMysqlEngineVersion;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.MySqlInstanceEngineProps;
import software.amazon.awscdk.services.rds.MysqlEngineVersion;

/**
 * Aurora MySQL 3 (8.0-compatible) and RDS for MySQL 8.0: no slow-query or audit log unless parameters say so. The
 * general log (every statement) stays off: it costs throughput and storage.
 */
public final class MysqlRds implements RdsEngine {

    @Override
    public IClusterEngine clusterEngine() {
        return DatabaseClusterEngine.auroraMysql(AuroraMysqlClusterEngineProps.builder()
                .version(AuroraMysqlEngineVersion.VER_3_08_0)
                .build());
    }

    @Override
    public IInstanceEngine instanceEngine() {
        return DatabaseInstanceEngine.mysql(MySqlInstanceEngineProps.builder()
                .version(MysqlEngineVersion.VER_8_0_46)
                .build());
    }

    @Override
    public List<String> clusterLogExports() {
        return List.of("error", "slowquery", "audit");
    }

    @Override
    public Map<String, String> clusterLogParameters() {
        return Map.of(
                "slow_query_log", "1",
                "long_query_time", "2",
                "log_output", "FILE",
                "server_audit_logging", "1",
                "server_audit_events", "CONNECT,QUERY_DCL,QUERY_DDL");
    }

    @Override
    public List<String> instanceLogExports() {
        return List.of("error", "slowquery");
    }

    @Override
    public Map<String, String> instanceLogParameters() {
        return Map.of("slow_query_log", "1", "long_query_time", "2", "log_output", "FILE");
    }

    @Override
    public boolean nagAsksForBacktrack() {
        return true;
    }
}
