import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the driver's {@code Unsupported*} base classes from the JDBC interfaces of the JDK that builds it, at
 * build time (generate-sources): every abstract method throws {@code Unsupported.feature("Interface.method")}, and
 * the driver's classes override what they support. Run as a single source file: {@code java
 * GenerateUnsupported.java OUTPUT_DIR}. Default methods keep the JDK's bodies, as a hand-written driver's would.
 */
public class GenerateUnsupported {

    private static final String PACKAGE = "dev.slipway.jdbc.internal";

    /** The base class for each interface, and what it is called in its comment. */
    private static final Map<String, Object[]> BASES = new LinkedHashMap<>();

    static {
        BASES.put("UnsupportedConnection", new Object[] {java.sql.Connection.class, "connection"});
        BASES.put("UnsupportedStatement", new Object[] {java.sql.PreparedStatement.class, "prepared statement"});
        BASES.put("UnsupportedResultSet", new Object[] {java.sql.ResultSet.class, "result set"});
        BASES.put("UnsupportedDatabaseMetaData", new Object[] {
            java.sql.DatabaseMetaData.class,
            "database metadata whose capability questions (supportsX, getMaxX) answer false or 0 (no limit known) and"
                    + "\n * whose catalog queries are not supported"
        });
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (var base : BASES.entrySet()) {
            Class<?> api = (Class<?>) base.getValue()[0];
            String source = write(base.getKey(), api, (String) base.getValue()[1]);
            Path file = dir.resolve(base.getKey() + ".java");
            if (!Files.exists(file) || !Files.readString(file).equals(source)) Files.writeString(file, source);
        }
    }

    static String write(String name, Class<?> api, String what) {
        StringBuilder out = new StringBuilder();
        out.append("package ").append(PACKAGE).append(";\n\n");
        String nothing = what.contains("answer") ? "" : " that supports nothing";
        out.append("/**\n * A JDBC ").append(what).append(nothing).append(". Generated at build time from the JDK's\n")
                .append(" * {@link ").append(api.getName()).append("} by src/build/GenerateUnsupported.java; the driver's")
                .append(" classes\n * extend this and override what they support.\n */\n");
        out.append("@SuppressWarnings({\"deprecation\", \"RedundantThrows\"})\n");
        out.append("abstract class ").append(name).append(" implements ").append(api.getName()).append(" {\n");
        for (Method m : abstractMethods(api)) {
            out.append("\n    @Override\n    public ");
            if (m.getTypeParameters().length > 0) {
                out.append(Arrays.stream(m.getTypeParameters()).map(TypeVariable::getName)
                                .collect(Collectors.joining(", ", "<", "> ")));
            }
            out.append(type(m.getGenericReturnType())).append(' ').append(m.getName()).append('(');
            Type[] parameters = m.getGenericParameterTypes();
            boolean wrapper = m.getName().equals("unwrap") || m.getName().equals("isWrapperFor");
            for (int i = 0; i < parameters.length; i++) {
                if (i > 0) out.append(", ");
                out.append(type(parameters[i])).append(wrapper ? " type" : " p" + i);
            }
            out.append(')');
            if (!m.getName().equals("isWrapperFor") && m.getExceptionTypes().length > 0) {
                out.append(" throws ").append(Arrays.stream(m.getExceptionTypes()).map(Class::getName)
                        .collect(Collectors.joining(", ")));
            }
            out.append(" {\n");
            if (m.getName().equals("isWrapperFor")) {
                out.append("        return type.isInstance(this);\n");
            } else if (m.getName().equals("unwrap")) {
                out.append("        if (type.isInstance(this)) return type.cast(this);\n");
                out.append("        throw new java.sql.SQLException(\"Not a wrapper for \" + type.getName(), \"0A000\");\n");
            } else if (api == java.sql.DatabaseMetaData.class && m.getReturnType() == boolean.class) {
                out.append("        return false;\n"); // a metadata question answered "no", as JDBC allows
            } else if (api == java.sql.DatabaseMetaData.class && m.getReturnType() == int.class) {
                out.append("        return 0;\n"); // a limit or version that is unknown, as JDBC allows
            } else if (!Arrays.asList(m.getExceptionTypes()).contains(java.sql.SQLException.class)) {
                // declares a narrower exception (setClientInfo: SQLClientInfoException), which cannot say "feature"
                out.append("        throw new UnsupportedOperationException(Unsupported.message(\"")
                        .append(feature(m)).append("\"));\n");
            } else {
                out.append("        throw Unsupported.feature(\"").append(feature(m)).append("\");\n");
            }
            out.append("    }\n");
        }
        return out.append("}\n").toString();
    }

    static String feature(Method m) {
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    }

    /** The abstract methods of {@code api}, one per signature (the most specific interface's), in name order. */
    static List<Method> abstractMethods(Class<?> api) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        for (Method m : api.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers())) continue;
            String signature = m.getName() + Arrays.toString(m.getParameterTypes());
            Method known = bySignature.get(signature);
            if (known == null || known.getDeclaringClass().isAssignableFrom(m.getDeclaringClass())) {
                bySignature.put(signature, m);
            }
        }
        List<Method> methods = new ArrayList<>(bySignature.values());
        methods.sort(Comparator.comparing(Method::getName)
                .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        return methods;
    }

    /** A type as Java source spells it: java.lang's simple, everything else qualified. */
    static String type(Type type) {
        return type.getTypeName().replaceAll("\\bjava\\.lang\\.(?=[A-Z])", "");
    }
}
