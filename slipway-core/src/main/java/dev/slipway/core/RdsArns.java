package dev.slipway.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an RDS cluster ARN says ({@code arn:aws:rds:REGION:ACCOUNT:cluster:NAME}, any AWS partition). */
public final class RdsArns {

    private static final Pattern RDS_ARN = Pattern.compile("arn:aws[a-z-]*:rds:([a-z0-9-]+):.*");

    private RdsArns() {}

    /** The region of an RDS ARN; empty for anything else. */
    public static Optional<String> region(String arn) {
        if (arn == null) return Optional.empty();
        Matcher m = RDS_ARN.matcher(arn);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
