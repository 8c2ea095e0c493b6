package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import io.micronaut.problem.conf.ProblemConfiguration;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error leaves the service as one RFC 9457 shape: {@code type, title, status, detail} plus, where they apply,
 * {@code violations: [{field, message, row?}]}, {@code currentEtag} and {@code errorCount}; absent members are left
 * out. Bean-validation failures name the field as the client sent it ({@code firstAdmin.email}), and framework
 * errors (unknown route, wrong method, 401/403) get a title and detail too.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
class ProblemResponses extends ProblemErrorResponseProcessor {
    static final String PROBLEM_JSON = "application/problem+json";

    ProblemResponses(ProblemConfiguration config) {
        super(config);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public @NonNull MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext errorContext,
                                                                @NonNull MutableHttpResponse<?> response) {
        Throwable root = errorContext.getRootCause().orElse(null);
        ThrowableProblem problem;
        if (root instanceof ApiProblem p) {
            problem = p;
        } else if (root instanceof ConstraintViolationException cve) {
            problem = Problems.invalidFields(cve.getConstraintViolations().stream()
                    .map(v -> new Problems.FieldError(field(v.getPropertyPath()), v.getMessage()))
                    .sorted(Comparator.comparing(Problems.FieldError::field))
                    .toList());
        } else if (root instanceof ConversionErrorException conversion) {
            problem = Problems.invalidField(conversion.getArgument().getName(), "is not a valid "
                    + conversion.getArgument().getType().getSimpleName().toLowerCase(Locale.ROOT) + " value");
        } else if (root instanceof UnsatisfiedArgumentException missing) {
            problem = Problems.invalidField(missing.getArgument().getName(), "is required");
        } else if (root instanceof ThrowableProblem) {
            return super.processResponse(errorContext, response);
        } else if (root instanceof DependencyUnavailable || root != null && DependencyUnavailable.causedByDatabase(root)) {
            // The database's failure, not the request's: 503, so that clients retry.
            problem = Problems.unavailable("A service this request depends on did not answer in time; try again in a few "
                    + "seconds");
        } else {
            problem = defaultProblem(errorContext, response.getStatus());
        }
        if (!(problem instanceof ApiProblem api)) {
            return super.processResponse(errorContext, response);
        }
        MutableHttpResponse raw = response;
        if (api.getRetryAfterSeconds() != null) {
            raw.header(HttpHeaders.RETRY_AFTER, String.valueOf(api.getRetryAfterSeconds()));
        }
        return (MutableHttpResponse<Problem>) raw.status(api.getStatus().getStatusCode())
                .contentType(PROBLEM_JSON)
                .body(body(api));
    }

    static Map<String, Object> body(ApiProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", p.getType().toString());
        body.put("title", p.getTitle());
        body.put("status", p.getStatus().getStatusCode());
        if (p.getDetail() != null) {
            body.put("detail", p.getDetail());
        }
        if (p.getViolations() != null) {
            List<Map<String, Object>> violations = new ArrayList<>();
            for (Problems.FieldError e : p.getViolations()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("field", e.field());
                v.put("message", e.message());
                if (e.row() != null) {
                    v.put("row", e.row());
                }
                violations.add(v);
            }
            body.put("violations", violations);
        }
        if (p.getCurrentEtag() != null) {
            body.put("currentEtag", p.getCurrentEtag());
        }
        if (p.getErrorCount() != null) {
            body.put("errorCount", p.getErrorCount());
        }
        return body;
    }

    /** {@code create.body.firstAdmin.email} → {@code firstAdmin.email}; a query parameter keeps its own name. */
    static String field(Path path) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                properties.add(node.getName() + (node.getIndex() != null ? "[" + node.getIndex() + "]" : ""));
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter != null ? parameter : path.toString();
    }

    @Override
    protected ThrowableProblem defaultProblem(ErrorContext errorContext, HttpStatus httpStatus) {
        if (httpStatus == HttpStatus.UNAUTHORIZED) {
            var refusal = BearerRefusal.of(errorContext.getRequest());
            if (refusal.isPresent()) {
                return new ApiProblem(Problems.type(refusal.get().problemSlug()), httpStatus.getReason(),
                        new HttpStatusType(httpStatus), refusal.get().description(), null, null);
            }
        }
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
