package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.reference.ReferenceService;

import java.util.EnumMap;
import java.util.Map;

/**
 * What is shown beside a TLP label on an alert, from the reference data ({@code tlp_level}, V2/V41): the handbook's
 * Japanese name (宛先限り, 特定分野・組織内関係者限り …) and the wording printed beside the box on the 情報提供様式 (none
 * for CLEAR, whose box carries the name only). Read once: the reference data changes only through migrations.
 */
@Singleton
class TlpWording {
    record Wording(String nameJa, @Nullable String provisionForm) {
    }

    private final ReferenceService reference;
    private volatile Map<Tlp, Wording> wording;

    TlpWording(ReferenceService reference) {
        this.reference = reference;
    }

    Wording of(Tlp tlp) {
        Map<Tlp, Wording> loaded = wording;
        if (loaded == null) {
            loaded = new EnumMap<>(Tlp.class);
            for (ReferenceService.Tlp t : reference.tlpLevels(Labels.JA)) {
                loaded.put(Tlp.valueOf(t.code()), new Wording(t.nameJa(), t.provisionFormJa()));
            }
            wording = loaded;
        }
        return loaded.get(tlp);
    }
}
