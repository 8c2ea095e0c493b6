package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.problem.violations.Violation;
import org.zalando.problem.StatusType;
import org.zalando.problem.ThrowableProblem;

import java.net.URI;
import java.util.List;

/**
 * A problem with this service's extension members. Introspected so that micronaut-problem-json serialises
 * {@code violations} and {@code currentEtag} next to the RFC 9457 members.
 */
@Introspected
public class ApiProblem extends ThrowableProblem {
    private final URI type;
    private final String title;
    private final StatusType status;
    private final String detail;
    private final List<Violation> violations;
    private final String currentEtag;

    ApiProblem(URI type, String title, StatusType status, String detail, @Nullable List<Violation> violations,
               @Nullable String currentEtag) {
        super(null);
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.violations = violations;
        this.currentEtag = currentEtag;
    }

    @Override
    public URI getType() {
        return type;
    }

    @Override
    public String getTitle() {
        return title;
    }

    @Override
    public StatusType getStatus() {
        return status;
    }

    @Override
    public String getDetail() {
        return detail;
    }

    @Nullable
    public List<Violation> getViolations() {
        return violations;
    }

    @Nullable
    public String getCurrentEtag() {
        return currentEtag;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // expected outcomes, not bugs: no stack trace cost
    }
}
