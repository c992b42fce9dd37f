package dev.slipway.cli;

import dev.slipway.core.Setting;
import dev.slipway.local.stack.DevIssuer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway token --sub alice [--scope posts:write] [--expires 1h]}: a bearer token of {@code slipway up}'s
 * development issuer, for the project's {@code auth=jwt} routes. Against a real issuer ({@code slipway.jwt.issuer})
 * tokens come from that issuer; this command refuses, saying so.
 */
@Command(name = "token", description = "Print a bearer token of slipway up's development issuer for auth=jwt routes.")
class TokenCommand extends ProjectCommand {

    @Option(names = "--sub", required = true, paramLabel = "SUBJECT", description = "The caller: the token's sub.")
    String subject;

    @Option(
            names = "--scope",
            paramLabel = "SCOPE",
            description = "A scope the token holds (repeat it, or separate with commas).")
    List<String> scopes = new ArrayList<>();

    @Option(
            names = "--expires",
            paramLabel = "DURATION",
            defaultValue = "1h",
            description = "How long the token is valid: 30s, 15m, 1h, 7d (default: ${DEFAULT-VALUE}).")
    String expires;

    @Option(names = "--project", paramLabel = "DIR", description = "Project with slipway.properties.")
    String projectDir;

    @Override
    int run() {
        Path dir = LocalProject.resolve(context, projectDir);
        project.context = new CliContext(context.env(), dir, context.out(), context.err());
        var settings = project.settings();
        String issuer = settings.asMap().get(Setting.JWT_ISSUER.key());
        if (issuer != null && !issuer.isBlank()) {
            throw new IllegalArgumentException("slipway.jwt.issuer is " + issuer + ": up accepts that issuer's tokens"
                    + " only. Get one from it, or remove slipway.jwt.issuer to use up's development issuer.");
        }
        String audience = settings.get(Setting.JWT_AUDIENCE);
        List<String> each = scopes.stream()
                .flatMap(s -> java.util.Arrays.stream(s.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        context.out().println(DevIssuer.of(dir).token(subject, each, audience, lifetime(expires), Instant.now()));
        return ExitCodes.OK;
    }

    /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}, or an ISO-8601 duration. */
    static Duration lifetime(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "--expires " + text + " is not a duration: write 30s, 15m, 1h or 7d.", e);
        }
    }
}
