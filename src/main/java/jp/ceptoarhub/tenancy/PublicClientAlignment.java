package jp.ceptoarhub.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jp.ceptoarhub.identity.IdentityProvisioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, brings every tenant realm's web and mobile clients in line with the configured redirect URIs
 * ({@code CEPTOAR_CONSOLE_URL}): a realm keeps the URIs it was created with, so a console moved to another host or
 * port would otherwise be refused by every realm created before the move. A realm
 * created during this start already has them.
 */
@Singleton
@Requires(property = "ceptoar.bootstrap.enabled", notEquals = "false")
class PublicClientAlignment {
    private static final Logger LOG = LoggerFactory.getLogger(PublicClientAlignment.class);

    private final TenantRepository tenants;
    private final IdentityProvisioning keycloak;

    PublicClientAlignment(TenantRepository tenants, IdentityProvisioning keycloak) {
        this.tenants = tenants;
        this.keycloak = keycloak;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        int changed = 0;
        for (TenantRow tenant : tenants.findAll()) {
            try {
                changed += keycloak.alignPublicClients(tenant.realmName()) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("Could not align the public clients of realm {}: {}", tenant.realmName(), e.toString());
            }
        }
        if (changed > 0) {
            LOG.info("Aligned the public clients of {} realm(s) with the configured redirect URIs", changed);
        }
    }
}
