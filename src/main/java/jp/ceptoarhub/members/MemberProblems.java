package jp.ceptoarhub.members;

import io.micronaut.http.HttpStatus;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import org.zalando.problem.ThrowableProblem;

import java.util.List;

/** Problems specific to member administration, in the shape of {@link Problems}. */
final class MemberProblems {
    private MemberProblems() {
    }

    /** 409 naming the field whose value another member of the tenant already uses. */
    static ThrowableProblem duplicate(String field, String message) {
        return Problems.withViolations(HttpStatus.CONFLICT, "duplicate", "Conflict", field + ": " + message,
                List.of(new Problems.FieldError(field, message)), null);
    }

    /** Member administration is CEPTOAR-internal: the national tenant (NISC, platform) never sees members. */
    static void requireCeptoarUser(CurrentUser user) {
        if (user.national()) {
            throw Problems.forbidden("Member administration belongs to each CEPTOAR; national users have no access");
        }
    }
}
