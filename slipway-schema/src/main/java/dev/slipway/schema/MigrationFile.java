package dev.slipway.schema;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flyway versioned migration, {@code V<version>__<description>.sql}.
 *
 * @param version the version as written, e.g. {@code 3} or {@code 3.1}
 * @param description the part after {@code __}, without {@code .sql}
 * @param path where the file is
 */
public record MigrationFile(String version, String description, Path path) {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(\\w+)\\.sql");

    /** Orders as Flyway does: numerically, part by part. */
    public static final Comparator<MigrationFile> BY_VERSION = (a, b) -> compareVersions(a.version(), b.version());

    /** The file's name when {@code path} is a Flyway versioned migration, else null. */
    public static MigrationFile parse(Path path) {
        Matcher matcher = NAME.matcher(path.getFileName().toString());
        return matcher.matches() ? new MigrationFile(matcher.group(1), matcher.group(2), path) : null;
    }

    public String fileName() {
        return "V" + version + "__" + description + ".sql";
    }

    /** The first number of the version: {@code 3} for {@code 3.1}. */
    public BigInteger major() {
        return new BigInteger(version.split("[._]")[0]);
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigInteger l = i < left.length ? new BigInteger(left[i]) : BigInteger.ZERO;
            BigInteger r = i < right.length ? new BigInteger(right[i]) : BigInteger.ZERO;
            int cmp = l.compareTo(r);
            if (cmp != 0) return cmp;
        }
        return 0;
    }
}
