package jp.ceptoarhub.national.disclosure;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** THRESHOLD and GROUP of the design note §2.3 with k = 5 and G = 20, counted by hand. */
class PrimaryRulesTest {
    private static final DisclosureParameters P = DisclosureParameters.defaults();

    private static EnumSet<ReasonCode> fire(long n, long total) {
        return PrimaryRules.fire(P, n, total, (int) n, (int) (total - n), false);
    }

    @Test
    void aSmallCellOrAllButAFewFireThreshold() {
        assertThat(fire(2, 15)).containsExactly(ReasonCode.THRESHOLD);
        assertThat(fire(11, 15)).containsExactly(ReasonCode.THRESHOLD);
        assertThat(fire(5, 15)).isEmpty();
        assertThat(fire(10, 15)).isEmpty();
    }

    @Test
    void everyoneOrNoOneOfASmallRowFiresGroup() {
        assertThat(fire(15, 15)).containsExactly(ReasonCode.GROUP);
        assertThat(fire(0, 15)).containsExactly(ReasonCode.GROUP);
        assertThat(fire(0, 25)).isEmpty();
        assertThat(fire(25, 25)).containsExactly(ReasonCode.GROUP);
        // a 無回答 zero says nothing about anyone's answer
        assertThat(PrimaryRules.fire(P, 0, 15, 0, 15, true)).isEmpty();
    }

    @Test
    void thresholdCountsCompanyGroupsNotMembers() {
        // 6 members in the cell but of 3 company groups
        assertThat(PrimaryRules.fire(P, 6, 30, 3, 24, false)).containsExactly(ReasonCode.THRESHOLD);
        assertThat(PrimaryRules.fire(P, 6, 30, 6, 24, false)).isEmpty();
    }

    @Test
    void theDefaultsAreTheDesignsAndTheDistanceGrowsWithTheSmallSide() {
        assertThat(P).isEqualTo(new DisclosureParameters(5, 20, 3, 0.3, 10));
        assertThat(P.distance(1)).isEqualTo(3);
        assertThat(P.distance(4)).isEqualTo(3);
        assertThat(P.distance(10)).isEqualTo(3);
        assertThat(P.distance(11)).isEqualTo(4);
    }
}
