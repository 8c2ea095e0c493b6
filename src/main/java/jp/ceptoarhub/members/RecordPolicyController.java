package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.records.RecordType;

import java.util.List;

/**
 * The tenant's per-record-type policy: whether operator-staff users may only read a record type (issue 4 item 8).
 * Every user of the CEPTOAR may read it (so an app can show read-only forms); only a secretariat admin changes it.
 */
@Controller("/api/v1/record-policies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class RecordPolicyController {
    private final RecordPolicies policies;

    RecordPolicyController(RecordPolicies policies) {
        this.policies = policies;
    }

    @Serdeable
    record Policy(String recordType, String recordTypeLabel, boolean operatorStaffReadOnly, String etag) {
        static Policy of(RecordPolicies.State s, long tenantId, Labels lang) {
            return new Policy(s.type().code(), s.type().label(lang), s.operatorStaffReadOnly(), s.etag(tenantId));
        }
    }

    @Serdeable
    record PolicyList(List<Policy> items) {
    }

    @Serdeable
    record PolicyInput(@NotNull Boolean operatorStaffReadOnly) {
    }

    @Get
    PolicyList list(CurrentUser user, HttpRequest<?> request) {
        requireCeptoarUser(user);
        Labels lang = Labels.of(request);
        return new PolicyList(policies.all(user.tenantId()).values().stream()
                .map(s -> Policy.of(s, user.tenantId(), lang)).toList());
    }

    @Get("/{recordType}")
    HttpResponse<Policy> get(CurrentUser user, HttpRequest<?> request, @PathVariable String recordType) {
        requireCeptoarUser(user);
        Policy p = Policy.of(policies.state(user.tenantId(), type(recordType)), user.tenantId(), Labels.of(request));
        return HttpResponse.ok(p).header("ETag", p.etag());
    }

    @Put("/{recordType}")
    HttpResponse<Policy> set(CurrentUser user, HttpRequest<?> request, @PathVariable String recordType,
                             @Valid @Body PolicyInput body) {
        requireCeptoarUser(user);
        user.require(Role.SECRETARIAT_ADMIN);
        RecordPolicies.State s = policies.set(user, type(recordType), body.operatorStaffReadOnly(),
                current -> ETags.requireMatch(request, current.etag(user.tenantId())));
        Policy p = Policy.of(s, user.tenantId(), Labels.of(request));
        return HttpResponse.ok(p).header("ETag", p.etag());
    }

    private static RecordType type(String code) {
        return RecordType.fromCode(code).orElseThrow(() -> Problems.notFound("Record type " + code));
    }

    private static void requireCeptoarUser(CurrentUser user) {
        if (user.national()) {
            throw Problems.forbidden("Record policies belong to each CEPTOAR; national users have no access");
        }
    }
}
