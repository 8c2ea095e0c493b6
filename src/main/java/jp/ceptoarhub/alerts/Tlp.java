package jp.ceptoarhub.alerts;

import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.identity.Affiliation;

import java.util.Arrays;
import java.util.Optional;

/**
 * TLP 2.0 as the information-sharing handbook uses it (『「重要インフラのサイバーセキュリティに係る行動計画」に基づく
 * 情報共有の手引書』 2.3). {@link #rank} is {@code tlp_level.sort_order} and the stored value: a smaller rank is a
 * narrower label, so "keeps or narrows" is {@code <=} and the effective label of a passed-on copy is the minimum.
 * The label is shown as FIRST requires, in Latin script ({@code TLP:AMBER+STRICT}) with its standard colour; the
 * handbook's Japanese name and the provision form's wording come from the reference data ({@link TlpWording}).
 */
enum Tlp implements Labelled {
    RED(1, "TLP:RED", "#FF2B2B"),
    AMBER_STRICT(2, "TLP:AMBER+STRICT", "#FFC000"),
    AMBER(3, "TLP:AMBER", "#FFC000"),
    GREEN(4, "TLP:GREEN", "#33FF00"),
    CLEAR(5, "TLP:CLEAR", "#FFFFFF");

    private final int rank;
    private final String label;
    private final String colour;

    Tlp(int rank, String label, String colour) {
        this.rank = rank;
        this.label = label;
        this.colour = colour;
    }

    int rank() {
        return rank;
    }

    /** FIRST: the Latin-script label in every language. */
    @Override
    public String labelJa() {
        return label;
    }

    @Override
    public String labelEn() {
        return label;
    }

    /** FIRST's colour of the label (shown on a black background). */
    String colour() {
        return colour;
    }

    boolean narrowerThan(Tlp other) {
        return rank < other.rank;
    }

    /** Who may read inside an addressed organisation (decisions §1): GREEN and CLEAR every user. */
    boolean readableBy(Affiliation affiliation) {
        return switch (this) {
            case CLEAR, GREEN -> true;
            case AMBER -> affiliation != Affiliation.CONTRACTOR;
            case AMBER_STRICT, RED -> affiliation == Affiliation.STAFF;
        };
    }

    static Tlp ofRank(int rank) {
        return Arrays.stream(values()).filter(t -> t.rank == rank).findFirst()
                .orElseThrow(() -> new IllegalStateException("TLP rank " + rank));
    }

    static Optional<Tlp> parse(String code) {
        return Labelled.parse(Tlp.class, code);
    }
}
