package dev.slipway.maven;

import dev.slipway.packaging.FileHash;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Property;
import org.jooq.meta.jaxb.Target;

/**
 * {@code slipway:generate}: the type-safe jOOQ client from {@code schema.sql} itself (jOOQ's DDLDatabase: no
 * database needed to build), with Slipway's settings (tables in dependency order, lower-case names, records,
 * {@code java.time} types), into {@code target/generated-sources/slipway-jooq}, which becomes a source root. Runs
 * again only when {@code schema.sql} or the package changed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    @Parameter(property = "slipway.schema", defaultValue = "${project.basedir}/schema.sql")
    File schema;

    /** The package of the generated classes, e.g. {@code com.example.db}. */
    @Parameter(property = "slipway.jooq.package", defaultValue = "${project.groupId}.db")
    String packageName;

    @Parameter(
            property = "slipway.jooq.directory",
            defaultValue = "${project.build.directory}/generated-sources/slipway-jooq")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    @Parameter(property = "slipway.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) return;
        if (!schema.isFile()) {
            throw new MojoExecutionException("No schema at " + schema + ": write your tables there (CREATE TABLE"
                    + " ...), or point <schema> / -Dslipway.schema at your file.");
        }
        Path marker = outputDirectory.toPath().resolveSibling(outputDirectory.getName() + ".sha256");
        try {
            String stamp = FileHash.sha256(schema.toPath()) + " " + packageName;
            if (Files.isRegularFile(marker)
                    && Files.readString(marker).equals(stamp)
                    && Files.isDirectory(outputDirectory.toPath())) {
                getLog().info("jOOQ client up to date with " + schema.getName());
            } else {
                generate();
                Files.writeString(marker, stamp);
            }
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "Cannot read " + schema + " or write " + marker + ": " + e.getMessage(), e);
        }
        if (project != null) project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    }

    private void generate() throws MojoExecutionException {
        Configuration configuration = new Configuration()
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.extensions.ddl.DDLDatabase")
                                .withProperties(
                                        new Property().withKey("scripts").withValue(schema.getAbsolutePath()),
                                        // tables after the tables they reference, names as PostgreSQL folds them
                                        new Property().withKey("sort").withValue("semantic"),
                                        new Property()
                                                .withKey("defaultNameCase")
                                                .withValue("lower"))
                                .withInputSchema("PUBLIC")
                                .withOutputSchemaToDefault(true))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withJavaTimeTypes(true))
                        .withTarget(new Target()
                                .withPackageName(packageName)
                                .withDirectory(outputDirectory.getAbsolutePath())));
        // jOOQ loads the DDLDatabase by name: from this plugin's class loader, not Maven's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            getLog().info("Generating the jOOQ client of " + schema.getName() + " into " + outputDirectory);
            GenerationTool.generate(configuration);
        } catch (Exception e) {
            throw new MojoExecutionException(
                    "jOOQ could not generate a client from " + schema + ": " + e.getMessage()
                            + ". Check the DDL with slipway migrate lint, or its first error above.",
                    e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
