package dev.slipway.jdbc.internal;

import java.sql.SQLFeatureNotSupportedException;

/** The one wording for what the driver cannot do over the Data API. */
final class Unsupported {

    private Unsupported() {}

    static SQLFeatureNotSupportedException feature(String what) {
        return new SQLFeatureNotSupportedException(message(what), "0A000");
    }

    static String message(String what) {
        return what + " is not supported by the Slipway Data API driver: the RDS Data API has no equivalent"
                + " (it runs one statement per HTTP call, with results read whole).";
    }
}
