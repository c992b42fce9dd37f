package dev.slipway.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/** How the architecture rules cut the code into slices. */
final class SliceAssignments {

    private SliceAssignments() {}

    static SliceAssignment byModule() {
        return assignment("modules", c -> ArchitectureTest.moduleOf(c.getPackageName()));
    }

    static SliceAssignment byPackageWithItsInternals() {
        return assignment("packages, each with its internal package", c -> {
            String p = c.getPackageName();
            int internal = p.indexOf(".internal");
            return internal < 0 ? p : p.substring(0, internal);
        });
    }

    private static SliceAssignment assignment(String description, java.util.function.Function<JavaClass, String> of) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String slice = of.apply(javaClass);
                return slice.isEmpty() || !javaClass.getPackageName().startsWith("dev.slipway")
                        ? SliceIdentifier.ignore()
                        : SliceIdentifier.of(slice);
            }

            @Override
            public String getDescription() {
                return description;
            }
        };
    }
}
