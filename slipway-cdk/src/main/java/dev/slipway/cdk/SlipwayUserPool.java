package dev.slipway.cdk;

import dev.slipway.cdk.internal.Nag;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.constructs.Construct;

/**
 * A Cognito user pool for an API's writers, for a stack that has no OIDC issuer of its own: users added by an
 * administrator (no self sign-up), sign-in by email, a strong password policy, optional TOTP MFA, and one app client
 * without a secret whose access tokens the {@code auth=jwt} routes accept ({@link #auth()}). Its ids are stack
 * outputs ({@code UserPoolId}, {@code UserPoolClientId}); docs/deploy.md shows how to get a token.
 */
public final class SlipwayUserPool extends Construct {

    private final UserPool pool;
    private final UserPoolClient client;

    /** @param retain keep the pool (and its users) when the stack is deleted */
    public SlipwayUserPool(Construct scope, String id, boolean retain) {
        super(scope, id);
        this.pool = UserPool.Builder.create(this, "Pool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(12)
                        .requireDigits(true)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireSymbols(true)
                        .build())
                .mfa(Mfa.OPTIONAL)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        this.client = pool.addClient(
                "Writers",
                UserPoolClientOptions.builder()
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder()
                                .userSrp(true)
                                .adminUserPassword(true)
                                .build())
                        .build());
        Nag.suppress(pool, "AwsSolutions-COG2", "MFA is optional (TOTP offered); require it where writers need it.");
        Nag.suppress(
                pool,
                "AwsSolutions-COG3",
                "Threat protection (Cognito's Plus feature plan) is a paid option, left to the application.");
        CfnOutput.Builder.create(scope, "UserPoolId")
                .value(pool.getUserPoolId())
                .build();
        CfnOutput.Builder.create(scope, "UserPoolClientId")
                .value(client.getUserPoolClientId())
                .description("The app client whose access tokens the auth=jwt routes accept")
                .build();
    }

    /** The pool's tokens, for {@link SlipwayHttpApi}. */
    public SlipwayApiAuth auth() {
        return SlipwayApiAuth.userPool(pool, List.of(client));
    }

    public UserPool pool() {
        return pool;
    }

    public UserPoolClient client() {
        return client;
    }
}
