package jp.ceptoarhub.members;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationCodesTest {
    @Test
    void corporateNumberCheckDigit() {
        assertThat(OrganisationCodes.validCorporateNumber("7000012050002")).as("国税庁").isTrue();
        assertThat(OrganisationCodes.corporateCheckDigit("000012050002")).isEqualTo(7);
        assertThat(OrganisationCodes.validCorporateNumber("8000012050002")).isFalse();
        assertThat(OrganisationCodes.validCorporateNumber("7000012050003")).isFalse();
        assertThat(OrganisationCodes.validCorporateNumber("700001205000")).isFalse();
        assertThat(OrganisationCodes.validCorporateNumber("70000120500021")).isFalse();
        assertThat(OrganisationCodes.validCorporateNumber("700001205000A")).isFalse();
        assertThat(OrganisationCodes.validCorporateNumber(null)).isFalse();
        // the check digit is never 0
        assertThat(OrganisationCodes.corporateCheckDigit("000000000000")).isEqualTo(9);
    }

    @Test
    void localGovernmentCodeCheckDigit() {
        assertThat(OrganisationCodes.validLocalGovernmentCode("131016")).as("千代田区").isTrue();
        assertThat(OrganisationCodes.validLocalGovernmentCode("011002")).as("札幌市").isTrue();
        assertThat(OrganisationCodes.validLocalGovernmentCode("131017")).isFalse();
        assertThat(OrganisationCodes.validLocalGovernmentCode("13101")).isFalse();
        // remainder 0 → 11 → 1 ; remainder 1 → 10 → 0
        assertThat(OrganisationCodes.localGovernmentCheckDigit("00000")).isEqualTo(1);
        assertThat(OrganisationCodes.localGovernmentCheckDigit("00004")).as("4x2=8").isEqualTo(3);
        assertThat(OrganisationCodes.localGovernmentCheckDigit("10001")).as("6+2=8").isEqualTo(3);
        assertThat(OrganisationCodes.localGovernmentCheckDigit("20000")).as("12 mod 11 = 1").isEqualTo(0);
    }

    @Test
    void katakanaReading() {
        assertThat(MemberRules.katakana("トウキョウデンリョク・ホールディングス　カブシキガイシャ")).isTrue();
        assertThat(MemberRules.katakana("とうきょう")).isFalse();
        assertThat(MemberRules.katakana("東京")).isFalse();
        assertThat(MemberRules.katakana("TOKYO")).isFalse();
        // half-width katakana are accepted after NFKC normalisation
        assertThat(MemberRules.katakana(MemberRules.text("ﾄｳｷｮｳ"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void capitalBandsAreTheSurveyOptionsAndEmployeeBandsAreDocumentedAsNotInSource() throws Exception {
        Map<String, Object> catalogue;
        try (InputStream in = getClass().getResourceAsStream("/reference-data/assessment-catalogue-fy2024.json")) {
            catalogue = ObjectMapper.getDefault().readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        }
        List<Map<String, Object>> questions = (List<Map<String, Object>>) catalogue.get("questions");
        Map<String, Object> capital = questions.stream().filter(q -> "q.respondent.capital".equals(q.get("id")))
                .findFirst().orElseThrow();
        assertThat(capital.get("optionsStatus")).isEqualTo("COMPLETE");
        List<String> ids = ((List<Map<String, Object>>) capital.get("options")).stream()
                .map(o -> (String) o.get("id")).toList();
        assertThat(Arrays.stream(CapitalBand.values()).map(CapitalBand::code).toList()).isEqualTo(ids);
        List<String> labels = ((List<Map<String, Object>>) capital.get("options")).stream()
                .map(o -> (String) o.get("labelJa")).toList();
        assertThat(Arrays.stream(CapitalBand.values()).map(CapitalBand::labelJa).toList()).isEqualTo(labels);

        Map<String, Object> employees = questions.stream()
                .filter(q -> "q.respondent.employee-count".equals(q.get("id"))).findFirst().orElseThrow();
        // If the survey's own bands ever land in the catalogue, EmployeeBand must be revisited.
        assertThat(employees.get("optionsStatus")).isEqualTo("NOT_IN_SOURCE");
    }
}
