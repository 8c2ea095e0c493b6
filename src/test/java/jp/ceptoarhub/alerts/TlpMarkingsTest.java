package jp.ceptoarhub.alerts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five TLP 2.0 marking definitions are the OASIS objects, id for id and property for property
 * (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0): public code carries mistyped
 * TLP ids, and the TLP 1.0 ids (WHITE for CLEAR) broke MISP's import.
 */
class TlpMarkingsTest {
    @Test
    void theIdsAreOasisTlp20Ids() {
        assertThat(TlpMarkings.id(Tlp.CLEAR)).isEqualTo("marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
        assertThat(TlpMarkings.id(Tlp.GREEN)).isEqualTo("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
        assertThat(TlpMarkings.id(Tlp.AMBER)).isEqualTo("marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421");
        assertThat(TlpMarkings.id(Tlp.AMBER_STRICT)).isEqualTo("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003");
        assertThat(TlpMarkings.id(Tlp.RED)).isEqualTo("marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");
        // never the TLP 1.0 ids (STIX 2.1 §7.2.1.4), which mean WHITE/GREEN/AMBER/RED of TLP 1.0
        for (Tlp t : Tlp.values()) {
            assertThat(TlpMarkings.id(t)).isNotIn("marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
                    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
                    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
                    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");
        }
    }

    @Test
    void theObjectsAreTheOasisObjects() {
        // examples/tlp-amber+strict.json, verbatim apart from whitespace
        assertThat(TlpMarkings.object(Tlp.AMBER_STRICT)).isEqualTo(Map.of(
                "type", "marking-definition",
                "spec_version", "2.1",
                "id", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
                "created", "2022-10-01T00:00:00.000Z",
                "name", "TLP:AMBER+STRICT",
                "extensions", Map.of("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d",
                        Map.of("extension_type", "property-extension", "tlp_2_0", "amber+strict"))));
        assertThat(TlpMarkings.object(Tlp.CLEAR)).containsEntry("name", "TLP:CLEAR").doesNotContainKey("definition_type");
        assertThat(TlpMarkings.value(Tlp.GREEN)).isEqualTo("green");
        assertThat(TlpMarkings.value(Tlp.RED)).isEqualTo("red");
        assertThat(TlpMarkings.value(Tlp.AMBER)).isEqualTo("amber");
        assertThat(TlpMarkings.value(Tlp.CLEAR)).isEqualTo("clear");
    }

    @Test
    void nameBasedIdsAreVersion5AndStable() {
        UUID a = StixBundles.uuid5("alert:1:2");
        assertThat(a.version()).isEqualTo(5);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(StixBundles.uuid5("alert:1:2")).isEqualTo(a);
        assertThat(StixBundles.uuid5("alert:1:3")).isNotEqualTo(a);
        assertThat(StixBundles.timestamp(Instant.parse("2026-04-01T04:05:06.789123Z")))
                .isEqualTo("2026-04-01T04:05:06.789Z");
    }
}
