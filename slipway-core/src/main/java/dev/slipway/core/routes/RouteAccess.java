package dev.slipway.core.routes;

import java.util.List;
import java.util.Locale;

/**
 * Who may call a route, as API Gateway HTTP APIs authorize it: anyone ({@code auth=none}), a caller with a valid
 * JWT of the project's issuer and audience, holding at least one of the listed scopes if any are listed
 * ({@code auth=jwt scopes=a,b}, as API Gateway checks a route's authorization scopes), or a caller
 * signing with AWS credentials (SigV4) that IAM allows ({@code auth=iam}).
 *
 * @param mode how the caller is authenticated
 * @param scopes the OAuth scopes of which a JWT must hold one (none listed: any valid JWT); empty for other modes
 */
public record RouteAccess(Mode mode, List<String> scopes) {

    /** Open to anyone: what a route without {@code auth=} gets unless the file says {@code default auth=...}. */
    public static final RouteAccess NONE = new RouteAccess(Mode.NONE, List.of());

    public RouteAccess {
        scopes = List.copyOf(scopes);
        if (mode != Mode.JWT && !scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes= needs auth=jwt (API Gateway checks scopes of JWTs only)");
        }
    }

    /** How a route's caller is authenticated. */
    public enum Mode {
        NONE,
        JWT,
        IAM;

        /** The routes file's spelling: {@code none}, {@code jwt}, {@code iam}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whether a token holding {@code held} may call the route: one of its scopes is enough, as API Gateway checks a
     * route's authorization scopes; a route without scopes admits any.
     */
    public boolean admitsScopes(java.util.Collection<String> held) {
        return scopes.isEmpty() || scopes.stream().anyMatch(held::contains);
    }

    /** Whether the route needs an authenticated caller. */
    public boolean required() {
        return mode != Mode.NONE;
    }

    /** As the routes file writes it, e.g. {@code auth=jwt scopes=posts:write}. */
    @Override
    public String toString() {
        return "auth=" + mode.id() + (scopes.isEmpty() ? "" : " scopes=" + String.join(",", scopes));
    }
}
