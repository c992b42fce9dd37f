package dev.slipway.schema.internal;

import dev.slipway.schema.model.DefaultValue;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.SQLDialect;
import org.jooq.impl.QOM;

/** Classifies a parsed column default so each engine can render it its own way. */
final class DefaultValues {

    private DefaultValues() {}

    static Optional<DefaultValue> of(DataType<?> type) {
        if (!type.defaulted() || type.defaultValue() == null) return Optional.empty();
        Field<?> field = type.defaultValue();
        String sql = Jooq.rendering(SQLDialect.DEFAULT).renderInlined(field);
        String normalized = sql.toLowerCase(Locale.ROOT).replace(" ", "");
        if (normalized.matches("current_timestamp(\\(\\d?\\))?|now\\(\\)|localtimestamp(\\(\\d?\\))?")
                || normalized.matches(
                        "cast\\(current_timestamp(\\(\\d?\\))?astimestamp(\\(\\d\\))?(withtimezone)?\\)")) {
            return Optional.of(new DefaultValue.CurrentTimestamp());
        }
        if (normalized.matches("current_date(\\(\\))?")) return Optional.of(new DefaultValue.CurrentDate());
        // '{}'::jsonb on a jsonb column is the literal: as a cast, MySQL would get cast('{}' as json), which MariaDB
        // refuses, and a cast to the column's own type changes nothing
        if (field instanceof QOM.Cast<?> cast
                && cast.$field() instanceof Param<?> value
                && value.getValue() != null
                && cast.$dataType().getType().equals(type.getType())) {
            field = value;
            sql = Jooq.rendering(SQLDialect.DEFAULT).renderInlined(value);
        }
        if (field instanceof Param<?> param && param.getValue() == null) return Optional.empty();
        if (field instanceof Param<?>) return Optional.of(new DefaultValue.Literal(sql));
        return Optional.of(new DefaultValue.Expression(sql));
    }
}
