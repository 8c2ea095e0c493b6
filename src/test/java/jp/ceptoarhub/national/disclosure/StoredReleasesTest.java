package jp.ceptoarhub.national.disclosure;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stored release reads back as exactly what was published, and protects the next release as the original did. */
class StoredReleasesTest {
    private static final DisclosureParameters P = DisclosureParameters.defaults();

    @Test
    void aStoredReleaseReadsBackAndProtectsTheNextReleaseIdentically() {
        ReleaseRequest first = RandomFixtures.request(4, "r1");
        Release firstRelease = new DisclosureControl(P, 1).protect(first, List.of(), AuditScope.ALL_PROFILES);

        ReleaseRequest readRequest = StoredReleases.readSnapshot(StoredReleases.writeSnapshot(first));
        assertThat(StoredReleases.writeSnapshot(readRequest)).isEqualTo(StoredReleases.writeSnapshot(first));
        PriorRelease read = StoredReleases.read(readRequest, firstRelease.json(), firstRelease.auditJson());
        assertThat(read.release().json()).isEqualTo(firstRelease.json());
        assertThat(read.release().csv()).isEqualTo(firstRelease.csv());

        ReleaseRequest second = RandomFixtures.request(5, "r2");
        Release withOriginal = new DisclosureControl(P, 1).protect(second,
                List.of(new PriorRelease(first, firstRelease)), AuditScope.ALL_PROFILES);
        Release withRead = new DisclosureControl(P, 1).protect(second, List.of(read), AuditScope.ALL_PROFILES);
        assertThat(withRead.json()).isEqualTo(withOriginal.json());
        assertThat(withRead.auditJson()).isEqualTo(withOriginal.auditJson());
    }

    @Test
    void aReleaseThatWasAlteredInStorageIsRefused() {
        ReleaseRequest request = RandomFixtures.request(4, "r1");
        Release release = new DisclosureControl(P, 1).protect(request, List.of(), AuditScope.ALL_PROFILES);
        // one published count changed, or a count published that was suppressed: not what was released
        String json = new String(release.json(), StandardCharsets.UTF_8);
        String altered = json.replaceFirst("\"count\":null,\"percent\":null,\"suppressed\":true",
                "\"count\":3,\"percent\":null");
        assertThat(altered).isNotEqualTo(json);
        assertThatThrownBy(() -> StoredReleases.read(request, altered.getBytes(StandardCharsets.UTF_8),
                release.auditJson())).isInstanceOf(DisclosureException.class);
    }
}
