package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
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
    private final List<Problems.FieldError> violations;
    private final Integer errorCount;
    private final String currentEtag;
    private final Integer retryAfterSeconds;

    ApiProblem(URI type, String title, StatusType status, String detail, @Nullable List<Problems.FieldError> violations,
               @Nullable String currentEtag) {
        this(type, title, status, detail, violations, currentEtag, null);
    }

    ApiProblem(URI type, String title, StatusType status, String detail, @Nullable List<Problems.FieldError> violations,
               @Nullable String currentEtag, @Nullable Integer errorCount) {
        this(type, title, status, detail, violations, currentEtag, errorCount, null);
    }

    ApiProblem(URI type, String title, StatusType status, String detail, @Nullable List<Problems.FieldError> violations,
               @Nullable String currentEtag, @Nullable Integer errorCount, @Nullable Integer retryAfterSeconds) {
        super(null);
        this.retryAfterSeconds = retryAfterSeconds;
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.violations = violations;
        this.currentEtag = currentEtag;
        this.errorCount = errorCount;
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
    public List<Problems.FieldError> getViolations() {
        return violations;
    }

    /** Total number of errors when {@code violations} lists only the first ones (bulk imports). */
    @Nullable
    public Integer getErrorCount() {
        return errorCount;
    }

    @Nullable
    public String getCurrentEtag() {
        return currentEtag;
    }

    /** For 503: when to try again, sent as the {@code Retry-After} header. */
    @Nullable
    public Integer getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // expected outcomes, not bugs: no stack trace cost
    }
}
