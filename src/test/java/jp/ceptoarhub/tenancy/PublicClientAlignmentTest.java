package jp.ceptoarhub.tenancy;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A realm created for another console URL (or changed by hand) accepts the configured one after a start. */
@MicronautTest(transactional = false)
class PublicClientAlignmentTest extends IntegrationTest {
    @Inject
    PublicClientAlignment alignment;
    @Inject
    KeycloakAdmin keycloak;

    @Test
    void startUpAlignsTheWebAndMobileClientsOfEveryRealm() {
        Tenant tenant = newTenant("整合試験CEPTOAR");
        RealmResource realm = keycloak.client().realm(tenant.realmName());
        ClientRepresentation web = realm.clients().findByClientId("ceptoar-web").getFirst();
        List<String> configured = web.getRedirectUris();
        web.setRedirectUris(List.of("https://old-console.example.jp/*"));
        realm.clients().get(web.getId()).update(web);

        alignment.onStartup(new StartupEvent(context));

        ClientRepresentation aligned = realm.clients().findByClientId("ceptoar-web").getFirst();
        assertThat(aligned.getRedirectUris()).containsExactlyInAnyOrderElementsOf(configured)
                .contains("http://127.0.0.1:8080/*");
        assertThat(aligned.getWebOrigins()).containsExactly("+");
        assertThat(realm.clients().findByClientId("ceptoar-mobile").getFirst().getRedirectUris())
                .containsExactly("jp.ceptoarhub.app:/oauth2redirect");
    }
}
