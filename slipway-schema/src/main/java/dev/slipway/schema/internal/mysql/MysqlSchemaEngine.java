package dev.slipway.schema.internal.mysql;

import dev.slipway.core.Engine;
import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.internal.DdlInterpreter;
import dev.slipway.schema.internal.DdlRenderer;
import dev.slipway.schema.internal.SchemaEngine;
import dev.slipway.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL and MariaDB: keys are bounded in bytes, foreign keys need an index of their own, a primary key has no name
 * to rename, and columns an older Slipway wrote (TIMESTAMP, the server's collation) are brought up to date.
 */
public final class MysqlSchemaEngine implements SchemaEngine {

    public static final MysqlSchemaEngine INSTANCE = new MysqlSchemaEngine();

    private static final String TIMESTAMP_NOTE =
            "-- timestamp with time zone is now DATETIME(6) in UTC on MySQL (TIMESTAMP ends in"
                    + " January 2038).\n-- With the session at UTC each stored instant keeps its meaning.";

    private static final String COLLATION_NOTE = "-- Text now compares as on PostgreSQL: case and accents count"
            + " (utf8mb4_bin; uuids: ascii_general_ci).\n-- Until now these columns took the server's default"
            + " collation. A binary collation cannot make stored values collide.";

    private MysqlSchemaEngine() {}

    @Override
    public Engine engine() {
        return Engine.MYSQL;
    }

    @Override
    public DdlRenderer renderer() {
        return new MysqlDdl();
    }

    @Override
    public boolean portableOnly() {
        return true;
    }

    @Override
    public void check(Schema schema, String origin, String sql) {
        MysqlKeyLength.check(schema, origin, sql);
    }

    @Override
    public List<SchemaChange> ownChanges(Schema current, Schema desired, List<SchemaChange> changes) {
        return MysqlForeignKeyIndexes.forMysql(current, desired, MysqlPrimaryKeyNames.withoutRenames(changes));
    }

    @Override
    public List<String> upgrades(List<DdlInterpreter.Source> migrations, Schema desired) {
        List<String> upgrades = new ArrayList<>();
        List<String> timestamps = LegacyMysqlTimestamps.convert(LegacyMysqlTimestamps.find(migrations, desired));
        if (!timestamps.isEmpty()) {
            upgrades.add(TIMESTAMP_NOTE);
            upgrades.addAll(timestamps);
        }
        List<String> collations =
                LegacyMysqlCollations.convert(LegacyMysqlCollations.find(migrations, desired), desired);
        if (!collations.isEmpty()) {
            upgrades.add(COLLATION_NOTE);
            upgrades.addAll(collations);
        }
        return upgrades;
    }

    @Override
    public String displayName() {
        return "MySQL";
    }
}
