package dev.slipway.cdk.internal.postgresql;

import dev.slipway.cdk.internal.RdsEngine;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.rds.AuroraPostgresClusterEngineProps;
import software.amazon.awscdk.services.rds.AuroraPostgresEngineVersion;
import software.amazon.awscdk.services.rds.DatabaseClusterEngine;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IClusterEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;

/** Aurora PostgreSQL 16 and RDS for PostgreSQL 16: the server log, written by default. */
public final class PostgresRds implements RdsEngine {

    @Override
    public IClusterEngine clusterEngine() {
        return DatabaseClusterEngine.auroraPostgres(AuroraPostgresClusterEngineProps.builder()
                .version(AuroraPostgresEngineVersion.VER_16_6)
                .build());
    }

    @Override
    public IInstanceEngine instanceEngine() {
        return DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                .version(PostgresEngineVersion.VER_16_13)
                .build());
    }

    @Override
    public List<String> clusterLogExports() {
        return List.of("postgresql");
    }

    @Override
    public Map<String, String> clusterLogParameters() {
        return Map.of();
    }

    @Override
    public List<String> instanceLogExports() {
        return List.of("postgresql");
    }

    @Override
    public Map<String, String> instanceLogParameters() {
        return Map.of();
    }

    @Override
    public boolean nagAsksForBacktrack() {
        return false;
    }
}
