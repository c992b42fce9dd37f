package dev.slipway.schema.internal;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** The jOOQ settings Slipway parses and renders with: lower-case unquoted names, no quoting unless needed. */
public final class Jooq {

    private Jooq() {}

    public static Settings settings(SQLDialect parseDialect) {
        return new Settings()
                .withParseDialect(parseDialect)
                .withParseNameCase(ParseNameCase.LOWER_IF_UNQUOTED)
                .withParseIgnoreComments(true)
                .withInterpreterDelayForeignKeyDeclarations(true)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withRenderFormatted(false);
    }

    public static DSLContext parsing(SQLDialect parseDialect) {
        return DSL.using(SQLDialect.DEFAULT, settings(parseDialect));
    }

    /** A context that renders expressions for {@code dialect}. */
    public static DSLContext rendering(SQLDialect dialect) {
        return DSL.using(dialect, settings(SQLDialect.DEFAULT));
    }
}
