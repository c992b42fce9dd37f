package dev.slipway.lambda.snapstart;

import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Work done at init so that the first request does not pay for it, and so that SnapStart captures it: loads the
 * JDBC drivers and the jOOQ classes of a render path. It opens no connection, so none ends up in a snapshot.
 */
public final class Priming {

    private Priming() {}

    /** Loads drivers and jOOQ's query rendering for {@code dialect}; returns the rendered SQL (to keep it honest). */
    public static String prime(SQLDialect dialect) {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            driver.getClass().getName(); // the ServiceLoader scan is the expensive part; this completes it
        }
        return DSL.using(dialect)
                .render(DSL.select(DSL.field("id"), DSL.field("name"))
                        .from(DSL.table("slipway_priming"))
                        .where(DSL.field("id").eq(DSL.val(1L)))
                        .orderBy(DSL.field("id").desc())
                        .limit(DSL.inline(10)));
    }
}
