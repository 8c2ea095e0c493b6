package jp.ceptoarhub.national.disclosure;

import java.util.List;

/**
 * A concentration table: which respondents depend on which item (a cloud or IT provider, a data-location country).
 * Counts are not additive across items (a member uses several), so the table is protected by naming rules, not by
 * secondary suppression: an item is named only when enough company groups depend on it.
 *
 * @param otherLabelJa label of the pooled row for the items that are not named, e.g. その他
 */
public record DependencyTable(String id, String labelJa, String labelEn, String otherLabelJa, String otherLabelEn,
                              List<Dependency> dependencies) {

    /** Respondent {@code respondentId} depends on item {@code itemId}, shown as {@code itemLabel} when named. */
    public record Dependency(String itemId, String itemLabel, String respondentId) {
    }

    public DependencyTable {
        dependencies = List.copyOf(dependencies);
    }
}
