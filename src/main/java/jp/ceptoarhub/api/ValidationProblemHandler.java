package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.problem.violations.ProblemConstraintViolationExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.Comparator;

/** Bean-validation failures in this service's own problem shape, naming fields as the client sent them. */
@Singleton
@Produces
@Replaces(ProblemConstraintViolationExceptionHandler.class)
class ValidationProblemHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {
    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        ApiProblem problem = (ApiProblem) Problems.invalidFields(exception.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(ProblemResponses.field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problems.FieldError::field))
                .toList());
        return HttpResponse.status(HttpStatus.BAD_REQUEST)
                .contentType(ProblemResponses.PROBLEM_JSON)
                .body(ProblemResponses.body(problem));
    }
}
