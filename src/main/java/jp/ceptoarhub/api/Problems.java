package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.serde.annotation.Serdeable;
import org.zalando.problem.ThrowableProblem;

import java.net.URI;
import java.util.List;

/**
 * RFC 9457 problem details thrown by every feature. Field-level errors carry {@code violations: [{field, message}]},
 * the same shape Micronaut's bean-validation handler produces, so clients parse one format.
 */
public final class Problems {
    private static final String TYPE_BASE = "urn:ceptoar-hub:problem:";
    static final int RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    public static ThrowableProblem of(HttpStatus status, String slug, String title, String detail) {
        return new ApiProblem(type(slug), title, new HttpStatusType(status), detail, null, null);
    }

    public static ThrowableProblem notFound(String what) {
        return of(HttpStatus.NOT_FOUND, "not-found", "Not Found", what + " was not found");
    }

    public static ThrowableProblem forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ThrowableProblem conflict(String slug, String detail) {
        return of(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    /**
     * 503 with {@code Retry-After}: a dependency (the database, or Keycloak where the service cannot work without it)
     * did not answer in time. Never a 401: a phone must keep its sign-in through an outage.
     */
    public static ThrowableProblem unavailable(String detail) {
        return new ApiProblem(type("dependency-unavailable"), "Service Unavailable",
                new HttpStatusType(HttpStatus.SERVICE_UNAVAILABLE), detail, null, null, null, RETRY_AFTER_SECONDS);
    }

    public static ThrowableProblem invalidField(String field, String message) {
        return invalidFields(List.of(new FieldError(field, message)));
    }

    public static ThrowableProblem invalidFields(List<FieldError> errors) {
        return new ApiProblem(type("validation"), "Bad Request", new HttpStatusType(HttpStatus.BAD_REQUEST),
                errors.size() == 1
                        ? errors.getFirst().field() + ": " + errors.getFirst().message()
                        : errors.size() + " fields are invalid",
                errors, null);
    }

    /** Any status with field-level errors, e.g. 409 for a duplicate value or 400 for rows of an import file. */
    public static ThrowableProblem withViolations(HttpStatus status, String slug, String title, String detail,
                                                  List<FieldError> errors, @Nullable Integer errorCount) {
        return new ApiProblem(type(slug), title, new HttpStatusType(status), detail, errors, null, errorCount);
    }

    public static ThrowableProblem preconditionRequired() {
        return of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "Precondition Required",
                "This update needs an If-Match header with the ETag of the version you edited");
    }

    public static ThrowableProblem preconditionFailed(String currentEtag) {
        return new ApiProblem(type("stale-version"), "Precondition Failed",
                new HttpStatusType(HttpStatus.PRECONDITION_FAILED),
                "The record was changed by someone else since you loaded it; reload and apply your change again",
                null, currentEtag);
    }

    /** One invalid field; {@code row} is set for errors in rows of an uploaded file (1 = first data row). */
    @Serdeable
    public record FieldError(String field, String message, @Nullable Integer row) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }
}
