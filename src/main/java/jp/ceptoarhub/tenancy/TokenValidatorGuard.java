package jp.ceptoarhub.tenancy;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Refuses to start if any token validator other than {@link RealmTokenValidator} is active: a library validator
 * added by a dependency upgrade could otherwise accept tokens from unregistered issuers.
 */
@Singleton
class TokenValidatorGuard {
    private final List<TokenValidator<?>> validators;

    TokenValidatorGuard(List<TokenValidator<?>> validators) {
        this.validators = validators;
    }

    @EventListener
    void check(StartupEvent event) {
        List<String> foreign = validators.stream()
                .filter(v -> !(v instanceof RealmTokenValidator))
                .map(v -> v.getClass().getName())
                .toList();
        if (!foreign.isEmpty()) {
            throw new IllegalStateException("Token validators other than RealmTokenValidator are active: " + foreign);
        }
    }
}
