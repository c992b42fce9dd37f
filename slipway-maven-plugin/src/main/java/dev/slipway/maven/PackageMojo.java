package dev.slipway.maven;

import dev.slipway.packaging.LambdaZip;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code slipway:package}: the project's Lambda zips, each checked against its budget.
 *
 * <ul>
 *   <li>{@code NAME-ENGINE.zip} for each engine (the API functions): the project's classes and resources at the
 *       root, its runtime dependencies in {@code lib/} with one JDBC driver (PostgreSQL's, MariaDB's, or for
 *       {@code data-api} Slipway's driver over the RDS Data API and no native one), and of
 *       {@code aws-lambda-java-events} only the HTTP API event classes, at the root (about 20 KB of its 505);
 *   <li>{@code MIGRATIONS.zip} when the project depends on Slipway's migration function
 *       ({@code dev.slipway:slipway-lambda-migrations:zip:function}, scope provided): that function with the
 *       project's {@code migrations/} at its root, which it deploys from ({@code classpath:migrations}).
 * </ul>
 *
 * Entries are sorted and dated {@code project.build.outputTimestamp}, so a build without changes gives the same
 * bytes.
 */
@Mojo(
        name = "package",
        defaultPhase = LifecyclePhase.PACKAGE,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractMojo {

    static final String EVENTS = "com.amazonaws:aws-lambda-java-events";
    static final String MIGRATION_FUNCTION = "dev.slipway:slipway-lambda-migrations";
    static final String POSTGRESQL_DRIVER = "org.postgresql:postgresql";
    static final String MARIADB_DRIVER = "org.mariadb.jdbc:mariadb-java-client";
    static final String DATA_API_DRIVER = "dev.slipway:slipway-jdbc";

    /** The API zips' name before {@code -ENGINE.zip}. */
    @Parameter(property = "slipway.package.name", defaultValue = "${project.artifactId}-api")
    String name;

    /** Which API zips: {@code postgresql}, {@code mysql}, {@code data-api}. */
    @Parameter(property = "slipway.package.engines", defaultValue = "postgresql,mysql")
    List<String> engines;

    @Parameter(property = "slipway.package.migrationsName", defaultValue = "${project.artifactId}-migrations")
    String migrationsName;

    @Parameter(property = "slipway.migrations", defaultValue = "${project.basedir}/migrations")
    File migrations;

    /** A handler's budget (Slipway's 10 MB; Lambda's own limit is 50 MB zipped). */
    @Parameter(property = "slipway.package.maxApiBytes", defaultValue = "10485760")
    long maxApiBytes;

    @Parameter(property = "slipway.package.maxMigrationsBytes", defaultValue = "20971520")
    long maxMigrationsBytes;

    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(property = "slipway.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) return;
        Path target = Path.of(project.getBuild().getDirectory());
        Instant time = entryTime();
        List<String> over = new ArrayList<>();
        try {
            for (String engine : engines) {
                Path zip = target.resolve(name + "-" + engine.strip() + ".zip");
                long size = api(engine.strip()).writeTo(zip, time);
                report(zip, size, maxApiBytes, over);
            }
            Artifact function = migrationFunction();
            if (function != null) {
                Path zip = target.resolve(migrationsName + ".zip");
                LambdaZip migrationsZip = new LambdaZip()
                        .directory(migrations.toPath(), "migrations/")
                        .unpacked(function.getFile().toPath(), n -> true);
                report(zip, migrationsZip.writeTo(zip, time), maxMigrationsBytes, over);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the Lambda zips into " + target + ": " + e.getMessage(), e);
        }
        if (!over.isEmpty()) {
            throw new MojoFailureException(String.join("; ", over) + ". Leave out dependencies the function does"
                    + " not use (mvn dependency:tree shows them), or raise the budget on purpose.");
        }
    }

    private LambdaZip api(String engine) throws IOException, MojoExecutionException {
        Set<String> excluded = switch (engine) {
            case "postgresql" -> Set.of(MARIADB_DRIVER, DATA_API_DRIVER);
            case "mysql" -> Set.of(POSTGRESQL_DRIVER, DATA_API_DRIVER);
            case "data-api" -> Set.of(POSTGRESQL_DRIVER, MARIADB_DRIVER);
            default ->
                throw new MojoExecutionException(
                        "slipway:package: engine '" + engine + "' is not one of postgresql, mysql, data-api.");
        };
        LambdaZip zip = new LambdaZip().directory(Path.of(project.getBuild().getOutputDirectory()), "");
        for (Artifact artifact : project.getArtifacts()) {
            String id = artifact.getGroupId() + ":" + artifact.getArtifactId();
            boolean runtime = Artifact.SCOPE_COMPILE.equals(artifact.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(artifact.getScope());
            if (!runtime || !"jar".equals(artifact.getType()) || excluded.contains(id)) continue;
            if (id.equals(EVENTS)) {
                zip.unpacked(
                        artifact.getFile().toPath(),
                        n -> n.startsWith("com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTP"));
            } else {
                zip.file(
                        artifact.getFile().toPath(), "lib/" + artifact.getFile().getName());
            }
        }
        return zip;
    }

    private Artifact migrationFunction() {
        for (Artifact artifact : project.getArtifacts()) {
            if ((artifact.getGroupId() + ":" + artifact.getArtifactId()).equals(MIGRATION_FUNCTION)
                    && "zip".equals(artifact.getType())
                    && "function".equals(artifact.getClassifier())) {
                return artifact;
            }
        }
        return null;
    }

    private void report(Path zip, long size, long budget, List<String> over) throws IOException {
        getLog().info(dev.slipway.packaging.ZipBudget.report(zip, size, budget));
        if (size > budget) {
            over.add(String.format(
                    Locale.ROOT, "%s is %,d bytes, over its %,d budget", zip.getFileName(), size, budget));
        }
    }

    /**
     * {@code project.build.outputTimestamp} (ISO-8601 or seconds since 1970), else the zip format's first day when it
     * is unset or one character (Maven's way to switch it off in a child pom). Anything else is refused, as Maven's
     * archiver refuses it, rather than dated 1980 without a word.
     */
    Instant entryTime() throws MojoExecutionException {
        if (outputTimestamp == null || outputTimestamp.strip().length() < 2) return LambdaZip.ZIP_EPOCH;
        String value = outputTimestamp.strip();
        try {
            Instant time = value.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(value))
                    : java.time.OffsetDateTime.parse(value).toInstant();
            if (time.isBefore(LambdaZip.ZIP_EPOCH)) {
                throw new java.time.DateTimeException("before 1980-01-01, the first day a zip can hold");
            }
            return time;
        } catch (RuntimeException e) {
            throw new MojoExecutionException(
                    "project.build.outputTimestamp is '" + value + "', which Slipway cannot"
                            + " date the zips' entries with (" + e.getMessage() + "). Set it in pom.xml to an ISO-8601"
                            + " instant such as 2026-01-01T00:00:00Z, or to seconds since 1970.",
                    e);
        }
    }
}
