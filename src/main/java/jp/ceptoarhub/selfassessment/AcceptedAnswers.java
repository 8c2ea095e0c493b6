package jp.ceptoarhub.selfassessment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-tenant read model of the national snapshot (issue 15 item 1): what one CEPTOAR's members answered in
 * their accepted submissions to the campaigns of a reference date (基準日). It is the only read of self-assessment
 * data that a caller of another tenant may make, and it is explicit about it: the caller is a national user with a
 * role that takes snapshots, and the CEPTOAR tenant is named by the caller, one tenant per call, every query
 * filtered on that tenant. Nothing here loosens the tenant filter of the member-facing routes.
 * <p>
 * A member with accepted submissions to two campaigns of the same reference date counts once, with the latest
 * accepted one (the secretariat accepted it last). Frozen answers only: later edits never reach a snapshot.
 */
@Singleton
public class AcceptedAnswers {
    /** One member's frozen answers: question id → chosen option ids (free-text answers keep their option id). */
    public record MemberAnswers(long memberOperatorId, Map<String, List<String>> answers) {
    }

    private final JdbcOperations jdbc;
    private final AnswerService answerService;

    AcceptedAnswers(JdbcOperations jdbc, AnswerService answerService) {
        this.jdbc = jdbc;
        this.answerService = answerService;
    }

    /** Members in id order; only members with an accepted submission for a campaign of {@code referenceDate}. */
    public List<MemberAnswers> forNationalSnapshot(CurrentUser caller, long ceptoarTenantId, LocalDate referenceDate) {
        if (!caller.national()) {
            throw Problems.forbidden("Only the national tier takes snapshots across CEPTOARs");
        }
        caller.require(Role.NISC_ANALYST);
        if (ceptoarTenantId == caller.tenantId()) {
            throw new IllegalArgumentException("the national tenant holds no member answers");
        }
        return jdbc.execute(conn -> {
            Map<Long, Long> chosenSubmission = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT s.member_operator_id, s.id FROM "
                    + "self_assessment_submission s JOIN self_assessment_campaign c ON c.tenant_id = s.tenant_id "
                    + "AND c.id = s.campaign_id WHERE s.tenant_id = ? AND c.tenant_id = ? AND c.reference_date = ? "
                    + "AND s.status = 'ACCEPTED' ORDER BY s.member_operator_id, s.reviewed_at, s.id")) {
                ps.setLong(1, ceptoarTenantId);
                ps.setLong(2, ceptoarTenantId);
                ps.setDate(3, Date.valueOf(referenceDate));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        chosenSubmission.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            Map<Long, Map<String, List<String>>> bySubmission = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT a.submission_id, a.question_id, a.option_ids "
                    + "FROM self_assessment_snapshot_answer a JOIN self_assessment_submission s ON s.tenant_id = "
                    + "a.tenant_id AND s.id = a.submission_id AND s.round = a.round JOIN self_assessment_campaign c "
                    + "ON c.tenant_id = s.tenant_id AND c.id = s.campaign_id WHERE a.tenant_id = ? AND "
                    + "s.tenant_id = ? AND c.tenant_id = ? AND c.reference_date = ? AND s.status = 'ACCEPTED' "
                    + "ORDER BY a.submission_id, a.question_id")) {
                ps.setLong(1, ceptoarTenantId);
                ps.setLong(2, ceptoarTenantId);
                ps.setLong(3, ceptoarTenantId);
                ps.setDate(4, Date.valueOf(referenceDate));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bySubmission.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), answerService.readIds(rs.getString(3)));
                    }
                }
            }
            List<MemberAnswers> result = new ArrayList<>();
            chosenSubmission.forEach((member, submission) -> result.add(new MemberAnswers(member,
                    bySubmission.getOrDefault(submission, Map.of()))));
            return result;
        });
    }
}
