package dev.slipway.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.Engine;
import dev.slipway.schema.MigrationDirectory;
import dev.slipway.schema.MigrationsHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals on a copy of the blog project, outside this build's own configuration. */
class GoalsTest {

    private static final Path BLOG =
            Path.of("../examples/blog").toAbsolutePath().normalize();

    @Test
    void generate_writesTheJooqClientOfSchemaSql_andAddsItAsASourceRoot_thenSkipsWhenUnchanged(@TempDir Path dir)
            throws Exception {
        Path project = copyBlog(dir);
        GenerateMojo generate = new GenerateMojo();
        generate.schema = project.resolve("schema.sql").toFile();
        generate.packageName = "com.example.db";
        generate.outputDirectory =
                project.resolve("target/generated-sources/slipway-jooq").toFile();
        generate.project = new MavenProject();
        generate.execute();

        Path tables = generate.outputDirectory.toPath().resolve("com/example/db/tables");
        assertThat(tables.resolve("Author.java")).exists();
        assertThat(tables.resolve("Post.java")).exists();
        assertThat(Files.readString(tables.resolve("Post.java")))
                .contains("TableField<PostRecord, Long> AUTHOR_ID")
                .contains("OffsetDateTime"); // java.time types
        assertThat(generate.project.getCompileSourceRoots()).contains(generate.outputDirectory.getAbsolutePath());

        long written = Files.getLastModifiedTime(tables.resolve("Author.java")).toMillis();
        Thread.sleep(20);
        generate.execute();
        assertThat(Files.getLastModifiedTime(tables.resolve("Author.java")).toMillis())
                .as("unchanged schema.sql: not generated again")
                .isEqualTo(written);

        Files.writeString(
                project.resolve("schema.sql"),
                "\ncreate table tag (id bigint generated always as identity primary key, name varchar(40) not null);\n",
                java.nio.file.StandardOpenOption.APPEND);
        generate.execute();
        assertThat(tables.resolve("Tag.java")).exists();
    }

    @Test
    void generate_writesAJavaEnumForAnEnumType_andTheColumnUsesIt(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("schema.sql"),
                "create type mood as enum ('happy', 'sad');\n"
                        + "create table person (id bigint primary key, mood mood not null default 'sad');\n");
        GenerateMojo generate = new GenerateMojo();
        generate.schema = dir.resolve("schema.sql").toFile();
        generate.packageName = "com.example.db";
        generate.outputDirectory = dir.resolve("generated").toFile();
        generate.project = new MavenProject();
        generate.execute();

        Path root = generate.outputDirectory.toPath().resolve("com/example/db");
        assertThat(Files.readString(root.resolve("enums/Mood.java")))
                .contains("happy(\"happy\")")
                .contains("sad(\"sad\")");
        assertThat(Files.readString(root.resolve("tables/Person.java")))
                .contains("TableField<PersonRecord, Mood> MOOD");
    }

    @Test
    void generate_withoutASchema_namesTheFile(@TempDir Path dir) {
        GenerateMojo generate = new GenerateMojo();
        generate.schema = dir.resolve("schema.sql").toFile();
        generate.packageName = "com.example.db";
        generate.outputDirectory = dir.resolve("out").toFile();
        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(dir.resolve("schema.sql").toString())
                .hasMessageContaining("-Dslipway.schema");
    }

    @Test
    void hash_printsEachEnginesMigrationsHash(@TempDir Path dir) throws Exception {
        Path project = copyBlog(dir);
        HashMojo hash = cli(new HashMojo(), project);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        hash.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        hash.execute();
        MigrationDirectory migrations = new MigrationDirectory(project.resolve("migrations"));
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .contains("postgresql " + MigrationsHash.of(migrations, Engine.POSTGRESQL))
                .contains("mysql " + MigrationsHash.of(migrations, Engine.MYSQL));
    }

    @Test
    void lint_passesTheBlog_andFailsTheBuildOnADestructiveMigration(@TempDir Path dir) throws Exception {
        Path project = copyBlog(dir);
        cli(new LintMojo(), project).execute();

        for (String engine : new String[] {"postgresql", "mysql"}) {
            Files.writeString(
                    project.resolve("migrations/" + engine + "/V99__drop_body.sql"),
                    "alter table post drop column body;\n");
        }
        assertThatThrownBy(() -> cli(new LintMojo(), project).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("slipway migrate lint found problems");
    }

    @Test
    void checkOffline_findsNoDriftInTheBlog_andDevCreateOnly_writesTheNextMigrationOfBothEngines(@TempDir Path dir)
            throws Exception {
        Path project = copyBlog(dir);
        CheckMojo check = cli(new CheckMojo(), project);
        check.offline = true;
        check.execute();

        Files.writeString(
                project.resolve("schema.sql"),
                "\ncreate table tag (id bigint generated by default as identity primary key, label varchar(40) not null);\n",
                java.nio.file.StandardOpenOption.APPEND);
        DevMojo dev = cli(new DevMojo(), project);
        dev.name = "add_tags";
        dev.createOnly = true;
        dev.execute();
        try (Stream<Path> written = Files.list(project.resolve("migrations/postgresql"))) {
            assertThat(written.map(p -> p.getFileName().toString())).contains("V5__add_tags.sql");
        }
        assertThat(Files.readString(project.resolve("migrations/mysql/V5__add_tags.sql")))
                .contains("create table tag");

        check.execute(); // the new migration builds what schema.sql says

        Files.writeString(
                project.resolve("schema.sql"),
                "\ncreate table note (id bigint primary key);\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(check::execute)
                .as("a table in schema.sql that no migration creates is drift")
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("slipway migrate check");
    }

    @Test
    void aBadSetting_isAConfigurationError_notAFailedCheck(@TempDir Path dir) throws Exception {
        Path project = copyBlog(dir);
        HashMojo hash = cli(new HashMojo(), project);
        hash.engine = "oracle";
        assertThatThrownBy(hash::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("usage or configuration error");
    }

    private static <T extends CliMojo> T cli(T mojo, Path project) {
        mojo.basedir = project.toFile();
        mojo.out = new PrintStream(new ByteArrayOutputStream());
        return mojo;
    }

    private static Path copyBlog(Path dir) throws IOException {
        Path project = Files.createDirectories(dir.resolve("blog"));
        Files.copy(BLOG.resolve("schema.sql"), project.resolve("schema.sql"));
        try (Stream<Path> files = Files.walk(BLOG.resolve("migrations"))) {
            for (Path p : files.toList()) {
                Path target = project.resolve(BLOG.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return project;
    }
}
