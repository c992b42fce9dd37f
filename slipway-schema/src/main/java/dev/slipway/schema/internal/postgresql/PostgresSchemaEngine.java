package dev.slipway.schema.internal.postgresql;

import dev.slipway.core.Engine;
import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.internal.DdlRenderer;
import dev.slipway.schema.internal.SchemaEngine;
import dev.slipway.schema.model.Schema;
import java.util.List;

/** PostgreSQL: schema.sql's own dialect; relation names share one namespace, defaults must be constant. */
public final class PostgresSchemaEngine implements SchemaEngine {

    public static final PostgresSchemaEngine INSTANCE = new PostgresSchemaEngine();

    private PostgresSchemaEngine() {}

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public DdlRenderer renderer() {
        return new PostgresDdl();
    }

    @Override
    public boolean portableOnly() {
        return false;
    }

    @Override
    public void check(Schema schema, String origin, String sql) {
        RelationNames.check(schema, origin, sql);
        DefaultRules.check(schema, origin, sql);
    }

    @Override
    public List<SchemaChange> ownChanges(Schema current, Schema desired, List<SchemaChange> changes) {
        return changes;
    }

    @Override
    public List<String> upgrades(List<DdlInterpreter.Source> migrations, Schema desired) {
        return List.of();
    }

    @Override
    public String displayName() {
        return "PostgreSQL";
    }
}
