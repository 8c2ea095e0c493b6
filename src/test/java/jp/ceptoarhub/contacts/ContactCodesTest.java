package jp.ceptoarhub.contacts;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jp.ceptoarhub.contacts.ContactCodes.OrgRole;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The contact roles that the action plan names carry its labels, as the shipped reference data has them. */
class ContactCodesTest {

    @Test
    @SuppressWarnings("unchecked")
    void sourcedRolesHaveTheActionPlansLabelsIncludingTheItAndOtManagementDepartments() throws Exception {
        Map<String, Object> data;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
                "/reference-data/service-maintenance-levels.json"))) {
            data = ObjectMapper.getDefault().readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
        }
        Map<String, String> labels = ((List<Map<String, Object>>) data.get("operatorRoles")).stream()
                .collect(Collectors.toMap(r -> (String) r.get("code"), r -> (String) r.get("labelJa")));
        Map<OrgRole, String> sourced = Map.of(OrgRole.EXECUTIVE, "MANAGEMENT", OrgRole.CISO, "CISO",
                OrgRole.STRATEGIC_MANAGEMENT, "STRATEGIC_MANAGEMENT", OrgRole.SYSTEM_STAFF, "SYSTEM_STAFF",
                OrgRole.IT_MANAGEMENT, "DEPT_IT", OrgRole.OT_MANAGEMENT, "DEPT_OT");
        sourced.forEach((role, code) -> assertThat(role.labelJa()).as(role.name()).isEqualTo(labels.get(code)));
        assertThat(OrgRole.IT_MANAGEMENT.labelJa()).isEqualTo("ITの管理部門");
        assertThat(OrgRole.OT_MANAGEMENT.labelJa()).isEqualTo("OTの管理部門");
    }
}
