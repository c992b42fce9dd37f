package dev.slipway.schema.internal.mysql;

import dev.slipway.schema.SchemaChange;
import dev.slipway.schema.internal.DdlRenderer;
import dev.slipway.schema.internal.UtcLiterals;
import dev.slipway.schema.model.Column;
import dev.slipway.schema.model.ColumnType;
import dev.slipway.schema.model.Constraint;
import dev.slipway.schema.model.DefaultValue;
import dev.slipway.schema.model.Index;
import java.util.List;
import org.jooq.SQLDialect;

/**
 * MySQL 8 / MariaDB 10.5+ DDL. Timestamps keep microseconds, as PostgreSQL does. Text compares as on PostgreSQL
 * (see {@link #TEXT_COLLATION}), whatever the server's default collation is.
 */
final class MysqlDdl extends DdlRenderer {

    /**
     * Every text column's collation. PostgreSQL's default (deterministic) collations call two strings equal only
     * when their bytes are; {@code utf8mb4_bin} does the same on MySQL 8 and MariaDB (the servers' defaults, e.g.
     * Aurora MySQL 3's {@code utf8mb4_0900_ai_ci}, ignore case and accents). Left different: it is a PAD SPACE
     * collation (trailing spaces do not count on MySQL), and ORDER BY follows code points, as PostgreSQL's "C".
     * A NO PAD binary collation exists on both, under two names ({@code utf8mb4_0900_bin}, {@code utf8mb4_nopad_bin}),
     * so one script could not name it.
     */
    static final String TEXT_COLLATION = "utf8mb4_bin";

    /** A uuid is text on MySQL; PostgreSQL's uuid equals its upper-case spelling, and so does this collation. */
    static final String UUID_COLLATION = "ascii_general_ci";

    private static final java.util.Set<ColumnType.Kind> LITERAL_AS_EXPRESSION =
            java.util.Set.of(ColumnType.Kind.TEXT, ColumnType.Kind.JSON, ColumnType.Kind.JSONB, ColumnType.Kind.BYTES);

    @Override
    protected SQLDialect dialect() {
        return SQLDialect.MYSQL;
    }

    @Override
    protected char quoteChar() {
        return '`';
    }

    @Override
    protected String type(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case DECIMAL -> "decimal(" + type.length() + ", " + type.scale() + ")";
            case REAL -> "float";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case CHAR -> "char(" + type.length() + ") collate " + TEXT_COLLATION;
            case VARCHAR -> "varchar(" + type.length() + ") collate " + TEXT_COLLATION;
            case TEXT -> "longtext collate " + TEXT_COLLATION;
            case DATE -> "date";
            case TIME -> "time(" + type.fractionalSeconds() + ")";
            case TIMESTAMP -> "datetime(" + type.fractionalSeconds() + ")";
            // not MySQL's TIMESTAMP, which ends in January 2038: UTC in a DATETIME, as the connection sets time_zone
            case TIMESTAMPTZ -> "datetime(" + type.fractionalSeconds() + ")";
            case UUID -> "char(36) collate " + UUID_COLLATION;
            case JSON, JSONB -> "json";
            case BYTES -> "longblob";
            // compared byte for byte, as PostgreSQL compares enum labels: 'Open' is not 'open'
            case ENUM -> "enum(" + enumValues(type.enumType()) + ") collate " + TEXT_COLLATION;
            case ARRAY -> throw new IllegalStateException("arrays are PostgreSQL's; PortabilityRules refuses them");
            case CITEXT -> throw new IllegalStateException("citext is PostgreSQL's; schema.sql refuses it for MySQL");
        };
    }

    @Override
    protected String columnTail(Column column) {
        String defaultValue = column.defaultValue()
                .map(value -> " default " + defaultSql(value, column.type()))
                .orElse("");
        return nullability(column) + (column.generated() ? " auto_increment" : "") + defaultValue;
    }

    @Override
    protected String defaultSql(DefaultValue value, ColumnType type) {
        return switch (value) {
            // MySQL wants the default's precision to be the column's
            case DefaultValue.CurrentTimestamp now ->
                type.fractionalSeconds() == 0
                        ? "current_timestamp"
                        : "current_timestamp(" + type.fractionalSeconds() + ")";
            case DefaultValue.CurrentDate today -> "(curdate())";
            // MySQL 8 accepts a default on TEXT, BLOB and JSON only as an expression in parentheses
            case DefaultValue.Literal literal ->
                LITERAL_AS_EXPRESSION.contains(type.kind())
                        ? "(" + literal.sql() + ")"
                        : type.kind() == ColumnType.Kind.TIMESTAMPTZ ? UtcLiterals.inUtc(literal.sql()) : literal.sql();
            case DefaultValue.Expression expression -> "(" + expression(expression.sql()) + ")";
        };
    }

    /** MySQL names every primary key PRIMARY and warns (1280) about any other name, so none is written. */
    @Override
    protected String constraint(Constraint constraint) {
        if (constraint instanceof Constraint.PrimaryKey pk) return "primary key (" + columns(pk.columns()) + ")";
        return super.constraint(constraint);
    }

    @Override
    protected List<String> alterColumn(SchemaChange.AlterColumn change) {
        // MySQL redefines the whole column in one MODIFY: type, nullability and default together. (ALTER COLUMN
        // SET DEFAULT would not accept current_timestamp on every supported version.)
        // a column whose type differs only in collate "C" is the same utf8mb4_bin column on MySQL
        boolean typeChanged = change.typeChanged()
                && !type(change.from().type()).equals(type(change.to().type()));
        if (!typeChanged && !change.nullabilityChanged() && !change.defaultChanged()) {
            return List.of(); // only the identity mode changed: auto_increment has just one
        }
        return List.of(alter(change.table()) + " modify column " + column(change.to()));
    }

    @Override
    protected List<String> typeOrExtensionChange(SchemaChange change) {
        return List.of();
    }

    /** MySQL reads a backslash in a string literal as an escape (unless NO_BACKSLASH_ESCAPES): doubled. */
    @Override
    protected String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    protected String dropConstraint(String table, Constraint constraint) {
        return switch (constraint) {
            case Constraint.PrimaryKey pk -> alter(table) + " drop primary key";
            case Constraint.Unique unique -> alter(table) + " drop index " + quote(unique.name());
            case Constraint.ForeignKey fk -> alter(table) + " drop foreign key " + quote(fk.name());
            case Constraint.Check check -> alter(table) + " drop constraint " + quote(check.name());
        };
    }

    @Override
    protected String dropIndex(String table, Index index) {
        return "drop index " + quote(index.name()) + " on " + quote(table);
    }
}
