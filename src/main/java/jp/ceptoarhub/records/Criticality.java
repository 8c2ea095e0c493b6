package jp.ceptoarhub.records;

import jp.ceptoarhub.api.Labelled;

/**
 * How critical a supplier or a system is to the member's critical services: a product enumeration (the sources
 * give no scale), shared so that suppliers and systems use the same words.
 */
public enum Criticality implements Labelled {
    HIGH("高", "High"),
    MEDIUM("中", "Medium"),
    LOW("低", "Low");

    private final String ja;
    private final String en;

    Criticality(String ja, String en) {
        this.ja = ja;
        this.en = en;
    }

    @Override
    public String labelJa() {
        return ja;
    }

    @Override
    public String labelEn() {
        return en;
    }
}
