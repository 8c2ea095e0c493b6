package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import jakarta.inject.Singleton;
import org.zalando.problem.ThrowableProblem;

/**
 * Framework-generated errors (unknown route, wrong method, unreadable body, 401/403 from security rules) get a
 * title and, where Micronaut has one, a detail, so every error a client sees is a complete RFC 9457 document.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
class ProblemResponses extends ProblemErrorResponseProcessor {
    ProblemResponses(ProblemConfiguration config) {
        super(config);
    }

    @Override
    protected ThrowableProblem defaultProblem(ErrorContext errorContext, HttpStatus httpStatus) {
        String detail = errorContext.getErrors().stream().map(Error::getMessage).findFirst().orElse(null);
        if (httpStatus.getCode() >= 500) {
            detail = "An unexpected error occurred; it has been logged";
        }
        return new ApiProblem(Problems.type(slug(httpStatus)), httpStatus.getReason(), new HttpStatusType(httpStatus),
                detail, null, null);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "not-found";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case BAD_REQUEST -> "bad-request";
            default -> "http-" + status.getCode();
        };
    }
}
