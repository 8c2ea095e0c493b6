package jp.ceptoarhub.selfassessment;

import io.micronaut.serde.ObjectMapper;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.OptionKind;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Origin;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;
import jp.ceptoarhub.selfassessment.ImplementationRule.Status;
import jp.ceptoarhub.selfassessment.TextCoding.Code;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's answer model and implementation rules, without a server: every true answer can be recorded, every
 * choice the source does not print is marked product-defined, and the rule of each question gives the status the
 * source's own rule gives (the headline rates of the FY2024 report).
 */
class AssessmentCatalogueTest {
    private static final AssessmentCatalogue CATALOGUE = new AssessmentCatalogue(ObjectMapper.getDefault());

    private static Question q(String number) {
        return CATALOGUE.questions().stream().filter(q -> number.equals(q.numberFy2024())).findFirst().orElseThrow();
    }

    private static Status status(String number, List<String> optionIds, String text) {
        return CATALOGUE.implementation(q(number).id(), optionIds, text, null, null);
    }

    private static Status coded(String number, List<String> optionIds, String text, Code code, String optionId) {
        return CATALOGUE.implementation(q(number).id(), optionIds, text, code, optionId);
    }

    /**
     * The shipped data cites published documents (a tag of sourceDocuments, REFERENCE-DATA.md's Sources) with line
     * numbers as a secondary aid, never a path into files the product's users do not have.
     */
    @Test
    void theShippedReferenceDataCitesDocumentsNotProjectFiles() throws Exception {
        for (String name : List.of("reference-data/assessment-catalogue-fy2024.json",
                "reference-data/service-maintenance-levels.json")) {
            String text;
            try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(name))) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(text).as(name).doesNotContain("seeds/", "domain/", ".txt", ".md").contains("\"sourceLines\"");
        }
        assertThat(CATALOGUE.question("q.risk.contingency-plan").orElseThrow().options()).isNotEmpty();
    }

    @Test
    void everyQuestionWhoseListIsIncompleteOffersNoneAndAnAnswerInOwnWords() {
        // options known complete in the FY2023 edition (6, 10, 17) or exhaustive by their wording (23: all / some /
        // none of the supply chain understood) need no free-text slot
        Set<String> closed = Set.of("設問6", "設問10", "設問17", "設問23");
        List<String> missing = new ArrayList<>();
        for (Question q : CATALOGUE.questions()) {
            if (!q.choice() || q.respondentAttribute() || "COMPLETE".equals(q.optionsStatus())) {
                continue;
            }
            if (q.options().stream().noneMatch(o -> o.kind() == OptionKind.NONE && o.selectable())) {
                missing.add(q.displayNumber() + " has no negative answer");
            }
            if (!closed.contains(q.numberFy2024()) && q.options().stream().noneMatch(o -> o.requiresText())) {
                missing.add(q.displayNumber() + " has no answer in the member's own words");
            }
        }
        assertThat(missing).isEmpty();
        // every question of the edition except free text, placeholders and respondent attributes is answered by choice
        assertThat(CATALOGUE.questions().stream().filter(q -> q.presentInSource() && !q.respondentAttribute()
                && q.answerKind() != AssessmentCatalogue.AnswerKind.FREE_TEXT && !q.choice())).isEmpty();
    }

    @Test
    void choicesTheSourceDoesNotPrintAreProductDefinedAndSourceOptionsAreNeverInvented() {
        for (Question q : CATALOGUE.questions()) {
            if ("NOT_IN_SOURCE".equals(q.optionsStatus())) {
                assertThat(q.options()).as(q.id()).allMatch(o -> o.origin() == Origin.PRODUCT);
            }
            for (var o : q.options()) {
                if (o.origin() == Origin.PRODUCT) {
                    assertThat(o.labelVerbatim()).as(q.id() + "/" + o.id()).isFalse();
                    assertThat(o.kind()).as(q.id() + "/" + o.id())
                            .isIn(OptionKind.NONE, OptionKind.OTHER, OptionKind.NOT_APPLICABLE);
                }
            }
        }
        // the product-defined ids are the same everywhere, so answers compare across questions and members
        assertThat(q("設問37").options()).extracting(o -> o.id() + ":" + o.origin())
                .containsExactly("unlisted:PRODUCT", "none:PRODUCT");
        assertThat(q("設問9").options()).extracting(o -> o.id() + ":" + o.origin() + ":" + o.labelVerbatim())
                .containsExactly("csirt:SOURCE:true", "ciso:SOURCE:false", "unlisted:PRODUCT:false",
                        "none:PRODUCT:false");
        assertThat(q("設問12").options()).extracting(o -> o.id() + ":" + o.origin())
                .containsExactly("vulnerability-assessment:SOURCE", "other:SOURCE", "none:PRODUCT");
        assertThat(CATALOGUE.titleJa()).isEqualTo("安全基準等の浸透状況に関する調査");
        assertThat(CATALOGUE.editionLabelJa()).isEqualTo("[2024年度]");
        assertThat(CATALOGUE.revision()).isEqualTo(2);
    }

    @Test
    void theDoneWhenAnswersCountAsTheSourceSays() {
        // a CISO-only member answers 設問9 (roles established) and it counts
        assertThat(status("設問9", List.of("ciso"), null)).isEqualTo(Status.IMPLEMENTED);
        assertThat(status("設問9", List.of("none"), null)).isEqualTo(Status.NOT_IMPLEMENTED);
        // an in-house-training member answers 設問29 (人材育成への取組は9割強: any measure)
        assertThat(status("設問29", List.of("unlisted"), "全職員向けの社内研修を年2回実施")).isEqualTo(Status.IMPLEMENTED);
        // a 脆弱性診断 answer to 設問12 counts (セキュリティ評価については、6割強の事業者等が実施: any evaluation)
        assertThat(status("設問12", List.of("vulnerability-assessment"), null)).isEqualTo(Status.IMPLEMENTED);
        assertThat(status("設問12", List.of("other"), "外部業者による脆弱性診断")).isEqualTo(Status.IMPLEMENTED);
        assertThat(status("設問12", List.of("none"), null)).isEqualTo(Status.NOT_IMPLEMENTED);
    }

    @Test
    void freeTextCountsOnlyWhereTheRuleOrTheSecretariatsCodingSaysSo() {
        // 「特になし」 typed as text is not a measure, however it is written
        for (String nothing : List.of("特になし", "特に無し。", " なし ", "該当なし", "N/A", "ｎａ", "－")) {
            assertThat(CATALOGUE.saysNothing(nothing)).as(nothing).isTrue();
            assertThat(status("設問37", List.of("unlisted"), nothing)).as(nothing).isEqualTo(Status.NOT_IMPLEMENTED);
        }
        assertThat(CATALOGUE.saysNothing("なし崩しにしない運用")).isFalse();
        // COUNTS: text is a measure unless the secretariat codes it otherwise
        assertThat(q("設問37").rule().uncodedOtherText()).isEqualTo(ImplementationRule.UncodedText.COUNTS);
        assertThat(status("設問37", List.of("unlisted"), "資産台帳を毎年更新")).isEqualTo(Status.IMPLEMENTED);
        assertThat(coded("設問37", List.of("unlisted"), "台帳は検討中", Code.NOT_IMPLEMENTED, null))
                .isEqualTo(Status.NOT_IMPLEMENTED);
        // PENDING: a status question's text (設問31, every printed 「その他」 excerpt negative) waits for coding
        assertThat(status("設問31", List.of("other"), "計画に沿って実施中")).isEqualTo(Status.PENDING_CODING);
        assertThat(coded("設問31", List.of("other"), "計画に沿って実施中", Code.IMPLEMENTED, null))
                .isEqualTo(Status.IMPLEMENTED);
        assertThat(status("設問13", List.of("unlisted"), "策定中")).isEqualTo(Status.PENDING_CODING);
        // KNOWN_OPTION: the text is a known option, and counts as that option does
        assertThat(coded("設問13", List.of("unlisted"), "公表基準あり", Code.KNOWN_OPTION, "criteria-set"))
                .isEqualTo(Status.IMPLEMENTED);
        assertThat(coded("設問13", List.of("unlisted"), "ない", Code.KNOWN_OPTION, "none"))
                .isEqualTo(Status.NOT_IMPLEMENTED);
        // a counting option wins whatever the text's coding
        assertThat(coded("設問26", List.of("incident-reporting", "other"), "x", Code.NOT_IMPLEMENTED, null))
                .isEqualTo(Status.IMPLEMENTED);
    }

    @Test
    void completeListsKeepTheirPublishedRulesAndTheRestIsNotScoredOrNotApplicable() {
        assertThat(status("設問11", List.of("internal-only"), null)).isEqualTo(Status.IMPLEMENTED);   // 監査 8割強
        assertThat(status("設問11", List.of("neither"), null)).isEqualTo(Status.NOT_IMPLEMENTED);
        assertThat(status("設問17", List.of("ra-not-for-service-continuity"), null)).isEqualTo(Status.IMPLEMENTED);
        assertThat(status("設問17", List.of("considering"), null)).isEqualTo(Status.NOT_IMPLEMENTED);
        assertThat(status("設問6", List.of("recognised-no-structure"), null)).isEqualTo(Status.NOT_IMPLEMENTED);
        assertThat(status("設問53", List.of("no-ot-assets"), null)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status("設問56", List.of("not-using-cloud"), null)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status("設問61", List.of(), "予算不足")).isEqualTo(Status.NOT_SCORED);
        assertThat(status("設問15", List.of("unlisted"), "整理している")).isEqualTo(Status.NOT_SCORED);
        assertThat(CATALOGUE.implementation("q.respondent.capital", List.of("under-50m"), null, null, null))
                .isEqualTo(Status.NOT_SCORED);
        // the headline rates of the FY2024 report are rules with their published wording
        for (String number : List.of("設問5", "設問6", "設問10", "設問11", "設問12", "設問13", "設問17", "設問20",
                "設問23", "設問29", "設問37", "設問43", "設問57")) {
            assertThat(q(number).rule().basis()).as(number).isEqualTo("PUBLISHED_HEADLINE");
            assertThat(q(number).rule().basisJa()).as(number).isNotBlank();
        }
        assertThat(q("設問11").rule().basisJa()).contains("8割強");
        assertThat(q("設問17").rule().basisJa()).contains("7割弱");
        assertThat(q("設問20").rule().population()).isEqualTo(new ImplementationRule.Population("q.risk.risk-assessment",
                Status.IMPLEMENTED));
        // an option counts exactly when its question's rule lists it (the loader refuses a file where they differ)
        for (Question q : CATALOGUE.questions()) {
            for (var o : q.options()) {
                assertThat(o.countsAsImplemented()).as(q.id() + "/" + o.id())
                        .isEqualTo(q.rule().countingOptionIds().contains(o.id()));
            }
        }
    }

    @Test
    void everyQuestionSaysHowItsAnswersMapToFy2023() {
        for (Question q : CATALOGUE.questions()) {
            assertThat(q.crosswalkFy2023().number()).as(q.id()).isEqualTo(q.numberFy2023());
            assertThat(q.crosswalkFy2023().answers()).as(q.id()).isIn("SAME_OPTIONS", "OPTIONS_FROM_FY2023",
                    "KNOWN_OPTIONS_ONLY", "TYPE_CHANGED", "NOT_IN_FY2023", "FREE_TEXT");
        }
        assertThat(q("設問11").crosswalkFy2023()).extracting(c -> c.number() + " " + c.answers())
                .isEqualTo("設問29 SAME_OPTIONS");
        assertThat(q("設問31").crosswalkFy2023().answers()).isEqualTo("TYPE_CHANGED");
        assertThat(q("設問53").crosswalkFy2023().answers()).isEqualTo("NOT_IN_FY2023");
    }
}
