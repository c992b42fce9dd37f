package dev.slipway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shape of the code that the modules' own tests cannot see: cycles and reaching into another's internals. */
class ArchitectureTest {

    /** Each module's root package; {@code dev.slipway.lambda.migrations} is a module of its own. */
    static List<String> modules() {
        return List.of(
                "dev.slipway.core",
                "dev.slipway.packaging",
                "dev.slipway.schema",
                "dev.slipway.migrate",
                "dev.slipway.lambda",
                "dev.slipway.lambda.migrations",
                "dev.slipway.cli",
                "dev.slipway.local",
                "dev.slipway.maven",
                "dev.slipway.local.runtime",
                "dev.slipway.cdk",
                "dev.slipway.dataapi",
                "dev.slipway.jdbc",
                "dev.slipway.aws",
                "dev.slipway.local.aws");
    }

    static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.slipway");
    }

    @Test
    void noCyclesBetweenModules() {
        slices().assignedFrom(SliceAssignments.byModule())
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    /**
     * No cycles between packages, where a package and its {@code internal} package count as one: an internal
     * package exists to implement its parent's API, so it may build the parent's public types, but nothing else
     * may go round in a circle (e.g. an entry point and a helper it hands itself to).
     */
    @Test
    void noCyclesBetweenPackages() {
        slices().assignedFrom(SliceAssignments.byPackageWithItsInternals())
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    /**
     * An internal class may use its parent package's classes, but not one that itself uses the internal package:
     * that is a circle between the two (as the migration function and the custom-resource helper it handed itself
     * to were), which the package rule above cannot see because it counts a package and its internals as one.
     */
    @Test
    void noClassCyclesBetweenAPackageAndItsInternals() {
        classes()
                .that()
                .resideInAPackage("dev.slipway..internal..")
                .should(new ArchCondition<JavaClass>("not use a class of the parent package that uses the internals") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String p = item.getPackageName();
                        String parent = p.substring(0, p.indexOf(".internal"));
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (!target.getPackageName().equals(parent)) continue;
                            boolean back = target.getDirectDependenciesFromSelf().stream()
                                    .anyMatch(b ->
                                            b.getTargetClass().getPackageName().startsWith(parent + ".internal"));
                            if (back) events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                })
                .check(classes);
    }

    /**
     * One root for the errors modules raise to their callers, so the command line's exit code and "retry or not" come
     * from the error's code instead of {@code instanceof} chains. Exempt: the answers to HTTP clients (the API
     * functions' {@code ApiException}, the data proxy's {@code DataApiException}), which are wire protocol, and
     * private signals that never leave their class.
     */
    @Test
    void everyErrorAModuleRaisesIsASlipwayException() {
        classes()
                .that()
                .areAssignableTo(RuntimeException.class)
                .and()
                .doNotHaveModifier(com.tngtech.archunit.core.domain.JavaModifier.PRIVATE)
                .and()
                .areNotAssignableTo(dev.slipway.lambda.exceptions.ApiException.class)
                .and()
                .doNotHaveFullyQualifiedName("dev.slipway.dataapi.internal.DataApiException")
                .should()
                .beAssignableTo(dev.slipway.core.SlipwayException.class)
                .check(classes);
    }

    /**
     * The classes outside {@code internal/postgresql} and {@code internal/mysql} that may name an engine: each
     * module's one seam, which picks that module's per-engine implementation, and the places that choose an engine
     * rather than behave per engine (PostgreSQL as the canonical form of schema.sql; the CLI's embedded database).
     */
    private static final List<String> ENGINE_SEAMS = List.of(
            "dev.slipway.core.Engine",
            "dev.slipway.schema.internal.SchemaEngine",
            "dev.slipway.schema.lint.internal.LintRules",
            "dev.slipway.migrate.internal.EngineBehaviour",
            "dev.slipway.dataapi.internal.ProxyEngine",
            "dev.slipway.jdbc.internal.ServerDialect",
            "dev.slipway.cdk.internal.RdsEngine",
            "dev.slipway.migrate.SchemaCheck",
            "dev.slipway.migrate.SchemaPull",
            "dev.slipway.cli.MigrateDev",
            "dev.slipway.cli.ProjectOptions");

    /** Per-engine behaviour sits behind one interface per module, not in engine switches spread through it. */
    @Test
    void onlyEachModulesEngineSeamNamesAnEngine() {
        DescribedPredicate<JavaClass> seam = DescribedPredicate.describe(
                "are an engine seam",
                c -> ENGINE_SEAMS.stream()
                        .anyMatch(s -> c.getName().equals(s) || c.getName().startsWith(s + "$")));
        noClasses()
                .that()
                .resideOutsideOfPackages("..internal.postgresql..", "..internal.mysql..")
                .and(DescribedPredicate.not(seam))
                .should()
                .accessField(dev.slipway.core.Engine.class, "POSTGRESQL")
                .orShould()
                .accessField(dev.slipway.core.Engine.class, "MYSQL")
                .check(classes);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void noOtherModuleUsesAModulesInternalPackage(String module) {
        noClasses()
                .that(inAnotherModuleThan(module))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(module + ".internal..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** The module of a class: the longest module root its package starts with. */
    static String moduleOf(String packageName) {
        return modules().stream()
                .filter(m -> packageName.equals(m) || packageName.startsWith(m + "."))
                .max(java.util.Comparator.comparingInt(String::length))
                .orElse("");
    }

    private static DescribedPredicate<JavaClass> inAnotherModuleThan(String module) {
        return DescribedPredicate.describe(
                "are in another module than " + module,
                c -> !moduleOf(c.getPackageName()).equals(module));
    }
}
