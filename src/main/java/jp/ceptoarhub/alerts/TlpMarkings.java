package jp.ceptoarhub.alerts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The five TLP 2.0 marking-definition objects as OASIS publishes them (oasis-open/cti-stix-common-objects,
 * extension-definition-specifications/tlp-2.0: the extension definition's schema and examples/tlp-*.json), copied
 * exactly: an object with the same id must be identical everywhere, and a CLEAR marking must never travel under the
 * TLP 1.0 WHITE id (MISP #9357). OpenCTI's own ids differ, but pycti resolves a marking without
 * {@code definition_type} by its {@code name}, which is why bundles carry the full objects.
 */
final class TlpMarkings {
    static final String EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    static final String CREATED = "2022-10-01T00:00:00.000Z";

    private TlpMarkings() {
    }

    static String id(Tlp tlp) {
        return switch (tlp) {
            case CLEAR -> "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
            case GREEN -> "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
            case AMBER -> "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
            case AMBER_STRICT -> "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
            case RED -> "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
        };
    }

    /** The {@code tlp_2_0} value of the extension: clear, green, amber, amber+strict, red. */
    static String value(Tlp tlp) {
        return tlp.labelEn().substring("TLP:".length()).toLowerCase(Locale.ROOT);
    }

    /** The marking-definition object, property by property as in the OASIS examples. */
    static Map<String, Object> object(Tlp tlp) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("extension_type", "property-extension");
        extension.put("tlp_2_0", value(tlp));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", id(tlp));
        o.put("created", CREATED);
        o.put("name", tlp.labelEn());
        o.put("extensions", Map.of(EXTENSION, extension));
        return o;
    }
}
