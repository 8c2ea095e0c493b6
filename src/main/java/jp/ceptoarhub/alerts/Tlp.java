package jp.ceptoarhub.alerts;

import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.identity.Affiliation;

import java.util.Arrays;
import java.util.Optional;

/**
 * TLP 2.0 as the information-sharing handbook uses it (情報共有の手引書 2.3; the provision form 情報提供様式, action
 * plan seed L36658–36674). {@link #rank} is {@code tlp_level.sort_order} and the stored value: a smaller rank is a
 * narrower label, so "keeps or narrows" is {@code <=} and the effective label of a passed-on copy is the minimum.
 * The label is shown as FIRST requires, in Latin script ({@code TLP:AMBER+STRICT}) with its standard colour; the
 * handbook's Japanese name and the provision form's own wording go beside it.
 */
enum Tlp implements Labelled {
    RED(1, "TLP:RED", "宛先限り", "情報提供先の重要インフラ所管省庁限り", "#FF2B2B"),
    AMBER_STRICT(2, "TLP:AMBER+STRICT", "特定分野・組織内関係者限り",
            "情報提供先の直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、組織内関係者限り",
            "#FFC000"),
    AMBER(3, "TLP:AMBER", "特定分野・関係者限り",
            "情報提供先の直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、関係者限り",
            "#FFC000"),
    GREEN(4, "TLP:GREEN", "重要インフラ関係主体限り", "重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者限り",
            "#33FF00"),
    CLEAR(5, "TLP:CLEAR", "公開情報", "公開情報", "#FFFFFF");

    private final int rank;
    private final String label;
    private final String nameJa;
    private final String formWording;
    private final String colour;

    Tlp(int rank, String label, String nameJa, String formWording, String colour) {
        this.rank = rank;
        this.label = label;
        this.nameJa = nameJa;
        this.formWording = formWording;
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

    String nameJa() {
        return nameJa;
    }

    /** The wording printed beside the box on the 情報提供様式. */
    String formWording() {
        return formWording;
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
