package dev.slipway.dataapi;

import dev.slipway.core.Engine;
import dev.slipway.core.Setting;
import dev.slipway.dataapi.DataApiConfig.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The proxy's targets as {@code slipway.data-api.target.NAME.*} settings describe them (see {@link DataApiConfig}). */
final class DataApiTargets {

    private DataApiTargets() {}

    /** The settings of a target, {@code slipway.data-api.target.NAME.*}. */
    private static final List<Setting> TARGET_SETTINGS = List.of(
            Setting.DATA_API_TARGET_RESOURCE_ARN,
            Setting.DATA_API_TARGET_SECRET_ARN,
            Setting.DATA_API_TARGET_URL,
            Setting.DATA_API_TARGET_USER,
            Setting.DATA_API_TARGET_PASSWORD,
            Setting.DATA_API_TARGET_SECRET_JSON,
            Setting.DATA_API_TARGET_DATABASES);

    static java.util.TreeSet<String> names(Map<String, String> settings) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String key : settings.keySet()) {
            for (Setting member : TARGET_SETTINGS) member.nameIn(key).ifPresent(names::add);
        }
        return names;
    }

    /** The targets of {@code slipway.data-api.target.NAME.*}, in name order. */
    static List<Target> from(Map<String, String> settings, SecretReader secrets) {
        java.util.TreeSet<String> names = names(settings);
        List<Target> targets = new java.util.ArrayList<>();
        for (String name : names) {
            String resource = settings.get(Setting.DATA_API_TARGET_RESOURCE_ARN.key(name));
            if (resource == null || resource.isBlank()) {
                throw new IllegalArgumentException("Data proxy target '" + name + "' has no "
                        + Setting.DATA_API_TARGET_RESOURCE_ARN.key(name) + " (the cluster ARN requests name).");
            }
            String secretArn = settings.get(Setting.DATA_API_TARGET_SECRET_ARN.key(name));
            String json = settings.get(Setting.DATA_API_TARGET_SECRET_JSON.key(name));
            String targetUrl = settings.get(Setting.DATA_API_TARGET_URL.key(name));
            String user = settings.get(Setting.DATA_API_TARGET_USER.key(name));
            String password = settings.getOrDefault(Setting.DATA_API_TARGET_PASSWORD.key(name), "");
            SecretReader reader = null;
            boolean fromSecretArn = (json == null || json.isBlank())
                    && (targetUrl == null || targetUrl.isBlank())
                    && secretArn != null
                    && !secretArn.isBlank();
            if (fromSecretArn) {
                reader = secrets;
                try {
                    json = secrets.read(secretArn.strip());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(
                            "Data proxy target '" + name + "': cannot read its secret "
                                    + secretArn.strip() + " (" + e.getMessage()
                                    + "). Its login comes from there when neither "
                                    + Setting.DATA_API_TARGET_URL.key(name) + " nor "
                                    + Setting.DATA_API_TARGET_SECRET_JSON.key(name) + " is set.",
                            e);
                }
            }
            if (json != null && !json.isBlank()) {
                dev.slipway.core.RdsSecret secret;
                try {
                    secret = dev.slipway.core.RdsSecret.parse(json);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Data proxy target '" + name + "': " + e.getMessage(), e);
                }
                targetUrl = secret.jdbcUrl(null, null);
                user = secret.username();
                password = secret.password();
            }
            if (targetUrl == null || targetUrl.isBlank()) {
                throw new IllegalArgumentException("Data proxy target '" + name + "' needs "
                        + Setting.DATA_API_TARGET_URL.key(name) + " (with .user and .password), "
                        + Setting.DATA_API_TARGET_SECRET_JSON.key(name) + ", or "
                        + Setting.DATA_API_TARGET_SECRET_ARN.key(name) + " alone (read from Secrets Manager).");
            }
            Engine.fromJdbcUrl(targetUrl);
            Set<String> databases =
                    Set.copyOf(DataApiConfig.list(settings.get(Setting.DATA_API_TARGET_DATABASES.key(name))));
            targets.add(new Target(
                    resource,
                    secretArn == null ? null : DataApiConfig.blankToNull(secretArn.strip()),
                    targetUrl,
                    user,
                    password,
                    databases,
                    reader));
        }
        return List.copyOf(targets);
    }
}
