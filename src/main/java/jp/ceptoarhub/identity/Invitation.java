package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The outcome of inviting a person: their service user id, the Keycloak required actions they must complete, and
 * either the fact that Keycloak e-mailed them the action link or, when the realm has no SMTP, a one-time temporary
 * password for the inviter to hand over out of band (it must be changed at first login).
 */
@Serdeable
public record Invitation(long userId, String subject, String username, String role,
                         List<String> requiredActions, boolean emailSent, @Nullable String temporaryPassword) {
}
