package jp.ceptoarhub.national.disclosure;

import jp.ceptoarhub.national.disclosure.attack.IndependentAttacker;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The attacks of the design note's threat model on small fixtures whose counts are written out by hand, each release
 * attacked by the independent attacker (its own equations from the published JSON) as NISC, as every secretariat and
 * as every member.
 */
class DisclosureControlTest {
    private static final DisclosureParameters P = DisclosureParameters.defaults();

    private static Release protect(ReleaseRequest request, List<PriorRelease> priors) {
        return new DisclosureControl(P, 2).protect(request, priors, AuditScope.ALL_PROFILES);
    }

    private static List<IndependentAttacker.Finding> attack(Release release, ReleaseRequest request,
                                                            List<PriorRelease> priors) {
        return AttackerSupport.attacker(P, release, request, priors).attackAll();
    }

    private static Release.Count cell(Release release, String table, String row, int option) {
        return release.tables().stream().filter(t -> t.question().id().equals(table)).findFirst().orElseThrow()
                .row(row).orElseThrow().options().get(option);
    }

    /** Design note §3.3: A = (2, 7, 6), B = (9, 16, 0); A1 = 2 is the one primary. */
    private static Fixtures workedExample() {
        return new Fixtures().sector("A", "A分野").sector("B", "B分野")
                .question(Fixtures.single("Q", "o1", "o2", "o3"))
                .respondents("A", 2, "Q", "o1").respondents("A", 7, "Q", "o2").respondents("A", 6, "Q", "o3")
                .respondents("B", 9, "Q", "o1").respondents("B", 16, "Q", "o2");
    }

    @Test
    void workedExampleSuppressesTheSmallCellWithNonZeroPartnersAndTheAttackerCannotNarrowIt() {
        ReleaseRequest request = workedExample().request("r1");
        Release release = protect(request, List.of());

        assertThat(cell(release, "Q", "SECTOR:A", 0).suppressed()).isTrue();
        // B3 = 0 in a row of 25 ≥ G is safe and, being zero, adds no width as a partner: never chosen
        assertThat(cell(release, "Q", "SECTOR:B", 2)).isEqualTo(Release.Count.of(0));
        assertThat(release.audit().cells()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("Q|SECTOR:A|o1");
            assertThat(c.reasons()).containsExactly(ReasonCode.THRESHOLD);
        });
        IndependentAttacker attacker = AttackerSupport.attacker(P, release, request, List.of());
        long[] interval = attacker.niscInterval("Q|SECTOR:A|o1");
        // useful interval for m = 2, d = 3: lo ≤ 0 and hi ≥ max(2 + 3, k) = 5
        assertThat(interval[0]).isLessThanOrEqualTo(0);
        assertThat(interval[1]).isGreaterThanOrEqualTo(5);
        assertThat(attacker.attackAll()).isEmpty();
    }

    @Test
    void revealingAnyOneSuppressedCellOfAPassingPatternLetsTheAttackerNarrowThePrimary() {
        ReleaseRequest request = workedExample().request("r1");
        Release release = protect(request, List.of());
        long[][] truth = {{2, 7, 6}, {9, 16, 0}};
        String[] rows = {"SECTOR:A", "SECTOR:B"};
        int mutants = 0;
        for (int r = 0; r < 2; r++) {
            for (int o = 0; o < 3; o++) {
                if ((r == 0 && o == 0) || !cell(release, "Q", rows[r], o).suppressed()) {
                    continue;
                }
                Release mutant = reveal(release, "Q", rows[r], o, truth[r][o]);
                assertThat(attack(mutant, request, List.of()))
                        .as("pattern without %s|%d", rows[r], o)
                        .anySatisfy(f -> assertThat(f.cell()).isEqualTo("Q|SECTOR:A|o1"));
                mutants++;
            }
        }
        assertThat(mutants).as("secondary suppressions to drop").isPositive();
    }

    /** The release with one suppressed count published: a pattern short of one secondary. */
    private static Release reveal(Release release, String table, String row, int option, long value) {
        List<Release.TableRelease> tables = new ArrayList<>();
        for (Release.TableRelease t : release.tables()) {
            List<Release.RowRelease> rowReleases = new ArrayList<>();
            for (Release.RowRelease rr : t.rows()) {
                if (t.question().id().equals(table) && rr.rowId().equals(row)) {
                    List<Release.Count> options = new ArrayList<>(rr.options());
                    options.set(option, Release.Count.of(value));
                    rr = new Release.RowRelease(rr.rowId(), rr.kind(), rr.labelJa(), rr.labelEn(), rr.groupIds(),
                            rr.bandDimension(), rr.bandCode(), rr.respondents(), options, rr.headlines());
                }
                rowReleases.add(rr);
            }
            tables.add(new Release.TableRelease(t.question(), rowReleases, t.withheld()));
        }
        return new Release(release.releaseId(), release.snapshotId(), release.algorithmVersion(),
                release.parameters(), release.auditScope(), release.population(), tables, release.concentration(),
                release.audit());
    }

    @Test
    void aSectorOfFourRespondentsPublishesOnlyItsNumberAndIsPooledIntoOtherSectors() {
        // FY2024: 空港 had 4 respondents; 石油 6 and 化学 8 join it in その他の分野 (18 ≥ N_min = 10)
        Fixtures f = new Fixtures().sector("AIRPORTS", "空港").sector("PETROLEUM", "石油").sector("CHEMICALS", "化学")
                .sector("RAILWAYS", "鉄道").question(Fixtures.single("Q", "yes", "no", "NA"))
                .respondents("AIRPORTS", 4, "Q", "no")
                .respondents("PETROLEUM", 3, "Q", "yes").respondents("PETROLEUM", 3, "Q", "no")
                .respondents("CHEMICALS", 5, "Q", "yes").respondents("CHEMICALS", 3, "Q", "no")
                .respondents("RAILWAYS", 15, "Q", "yes").respondents("RAILWAYS", 10, "Q", "no");
        ReleaseRequest request = f.request("r1");
        Release release = protect(request, List.of());

        Release.TableRelease q = release.tables().getFirst();
        assertThat(q.row("SECTOR:AIRPORTS")).isEmpty();
        assertThat(q.row("SECTOR:PETROLEUM")).isEmpty();
        assertThat(q.row("SECTOR:CHEMICALS")).isEmpty();
        Release.RowRelease other = q.row("OTHER_SECTORS").orElseThrow();
        assertThat(other.groupIds()).containsExactlyInAnyOrder("AIRPORTS", "PETROLEUM", "CHEMICALS");
        assertThat(other.respondents()).isEqualTo(Release.Count.of(18));
        assertThat(release.population()).anySatisfy(g -> {
            assertThat(g.groupId()).isEqualTo("AIRPORTS");
            assertThat(g.respondents()).isEqualTo(4);
        });
        // "4 of 4 airports: no" is a virtual primary (GROUP) the pattern must protect: the base group keeps the id
        // of the sector row it coincides with
        assertThat(release.audit().cells()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("Q|SECTOR:AIRPORTS|no");
            assertThat(c.reasons()).contains(ReasonCode.GROUP, ReasonCode.THRESHOLD);
            assertThat(c.published()).isFalse();
        });
        assertThat(attack(release, request, List.of())).isEmpty();
    }

    @Test
    void withFinanceMinusWithoutFinanceMinusTheSectorDoesNotRevealFundsSettlement() {
        // 金融 = 銀行等 (30) + 証券 (20) + 資金決済 (3); 全分野 − 全分野（金融除く） = 金融（資金決済以外）, and
        // 金融 − that = 資金決済, whose 3 members all answered "yes"
        Fixtures f = new Fixtures().sectorOnly("FINANCE", "金融")
                .ceptoar("BANK", "銀行等", "FINANCE", true).ceptoar("SEC", "証券", "FINANCE", true)
                .ceptoar("FUND", "資金決済", "FINANCE", false)
                .sector("RAIL", "鉄道").sector("POWER", "電力")
                .question(Fixtures.single("Q", "yes", "no", "NA"))
                .respondents("BANK", 18, "Q", "yes").respondents("BANK", 12, "Q", "no")
                .respondents("SEC", 11, "Q", "yes").respondents("SEC", 9, "Q", "no")
                .respondents("FUND", 3, "Q", "yes")
                .respondents("RAIL", 14, "Q", "yes").respondents("RAIL", 12, "Q", "no")
                .respondents("POWER", 10, "Q", "yes").respondents("POWER", 14, "Q", "no");
        ReleaseRequest request = f.request("r1");
        Release release = protect(request, List.of());

        Release.TableRelease q = release.tables().getFirst();
        assertThat(q.row("ALL").orElseThrow().respondents()).isEqualTo(Release.Count.of(103));
        assertThat(q.row("ALL_EXCEPT_FINANCE").orElseThrow().respondents()).isEqualTo(Release.Count.of(53));
        assertThat(q.row("CEPTOAR:FUND")).isEmpty();
        assertThat(release.audit().cells()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("Q|CEPTOAR:FUND|yes");
            assertThat(c.published()).isFalse();
        });
        assertThat(attack(release, request, List.of())).isEmpty();
    }

    @Test
    void aSecretariatSubtractingItsOwnMembersFromTheSectorLearnsNothingAboutTheOtherCeptoar() {
        // a sector of 13 split 12/1: the sector row minus the 12 is the one member of the small CEPTOAR
        Fixtures f = new Fixtures().sectorOnly("ICT", "情報通信")
                .ceptoar("CATV", "ケーブルテレビ", "ICT", false).ceptoar("TEL", "通信", "ICT", false)
                .sector("RAIL", "鉄道").question(Fixtures.single("Q", "yes", "no", "NA"))
                .respondents("CATV", 7, "Q", "yes").respondents("CATV", 5, "Q", "no")
                .respondents("TEL", 1, "Q", "yes")
                .respondents("RAIL", 14, "Q", "yes").respondents("RAIL", 12, "Q", "no");
        ReleaseRequest request = f.request("r1");
        Release release = protect(request, List.of());

        assertThat(release.audit().cells()).anySatisfy(c -> {
            assertThat(c.key()).startsWith("Q|SECTOR:ICT|");
            assertThat(c.reasons()).contains(ReasonCode.INSIDER);
        });
        assertThat(attack(release, request, List.of())).isEmpty();
    }

    @Test
    void twoSnapshotsOneMemberApartCannotBeDifferenced() {
        Fixtures before = new Fixtures().sector("RAIL", "鉄道").sector("POWER", "電力")
                .question(Fixtures.single("Q", "yes", "no", "NA"))
                .respondents("RAIL", 14, "Q", "yes").respondents("RAIL", 12, "Q", "no")
                .respondents("POWER", 10, "Q", "yes").respondents("POWER", 14, "Q", "no");
        ReleaseRequest first = before.request("r1");
        Release firstRelease = protect(first, List.of());
        assertThat(attack(firstRelease, first, List.of())).isEmpty();
        assertThat(cell(firstRelease, "Q", "SECTOR:RAIL", 0)).isEqualTo(Release.Count.of(14));

        // one railway joins and answers "yes": every cell that moved by one would give its answer away
        Fixtures after = before.respondent("RAIL-new", "RAIL", null, Map.of("Q", List.of("yes")));
        ReleaseRequest second = after.request("r2");
        List<PriorRelease> priors = List.of(new PriorRelease(first, firstRelease));
        Release secondRelease = protect(second, priors);

        assertThat(secondRelease.audit().cells()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("Q|SECTOR:RAIL|yes");
            assertThat(c.reasons()).contains(ReasonCode.TEMPORAL);
        });
        assertThat(cell(secondRelease, "Q", "SECTOR:RAIL", 0).suppressed()).isTrue();
        assertThat(attack(secondRelease, second, priors)).isEmpty();
    }

    @Test
    void theAttackerFindsTheDifferencingWhenTheSecondReleaseIgnoresTheFirst() {
        Fixtures before = new Fixtures().sector("RAIL", "鉄道").sector("POWER", "電力")
                .question(Fixtures.single("Q", "yes", "no", "NA"))
                .respondents("RAIL", 14, "Q", "yes").respondents("RAIL", 12, "Q", "no")
                .respondents("POWER", 10, "Q", "yes").respondents("POWER", 14, "Q", "no");
        ReleaseRequest first = before.request("r1");
        Release firstRelease = protect(first, List.of());
        ReleaseRequest second = before.respondent("RAIL-new", "RAIL", null, Map.of("Q", List.of("yes")))
                .request("r2");
        Release naive = protect(second, List.of());

        assertThat(attack(naive, second, List.of(new PriorRelease(first, firstRelease))))
                .anySatisfy(f -> assertThat(f.cell()).startsWith("Q|SECTOR:RAIL|"));
    }

    @Test
    void randomPopulationsPassTheIndependentAttackAsEveryProfile() {
        for (long seed = 1; seed <= 3; seed++) {
            ReleaseRequest request = RandomFixtures.request(seed, "r" + seed);
            Release release = protect(request, List.of());
            assertThat(release.audit().statistics().suppressedCells()).isPositive();
            assertThat(attack(release, request, List.of())).as("seed %d", seed).isEmpty();
        }
    }

    @Test
    void publishingTwiceIsByteIdenticalWhateverTheThreadsAndTheOutputLeaksNoReasonOrParameter() {
        ReleaseRequest request = RandomFixtures.request(2, "r2");
        Release one = new DisclosureControl(P, 1).protect(request, List.of(), AuditScope.ALL_PROFILES);
        Release two = new DisclosureControl(P, 2).protect(request, List.of(), AuditScope.ALL_PROFILES);
        assertThat(two.json()).isEqualTo(one.json());
        assertThat(two.csv()).isEqualTo(one.csv());
        assertThat(two.auditJson()).isEqualTo(one.auditJson());

        String json = new String(one.json(), StandardCharsets.UTF_8);
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(json).doesNotContain(code.name());
        }
        assertThat(json).doesNotContain("groupMinimum").doesNotContain("\"k\"").doesNotContain("reasons");
        assertThat(json).contains("\"suppressed\":true");
        assertThat(new String(one.auditJson(), StandardCharsets.UTF_8)).contains("THRESHOLD");

        byte[] csv = one.csv();
        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        assertThat(csv[1] & 0xFF).isEqualTo(0xBB);
        assertThat(csv[2] & 0xFF).isEqualTo(0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(",,,true\r\n").doesNotContain("THRESHOLD");
    }

    @Test
    void aReleaseIsRecomputedOnlyByItsOwnAlgorithmAndParameters() {
        ReleaseRequest request = workedExample().request("r1");
        Release release = protect(request, List.of());
        assertThat(new DisclosureControl(P, 1).reissue(release, request, List.of())).isSameAs(release);

        Release older = new Release(release.releaseId(), release.snapshotId(), "cell-suppression-0",
                release.parameters(), release.auditScope(), release.population(), release.tables(),
                release.concentration(), release.audit());
        assertThatThrownBy(() -> new DisclosureControl(P, 1).reissue(older, request, List.of()))
                .isInstanceOf(DisclosureException.class).hasMessageContaining("cell-suppression-0");
        DisclosureParameters k3 = new DisclosureParameters(3, 20, 3, 0.3, 10);
        assertThatThrownBy(() -> new DisclosureControl(k3, 1).reissue(release, request, List.of()))
                .isInstanceOf(DisclosureException.class).hasMessageContaining("other parameters");
    }
}
