package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Two phones sent the same If-Match at the same moment: both passed the ETag check, and the row's version column
 * stopped the second write. That is a stale version (412), not a server error.
 */
@Singleton
@Produces
@Requires(classes = {OptimisticLockException.class, ExceptionHandler.class})
class StaleVersionHandler implements ExceptionHandler<OptimisticLockException, HttpResponse<?>> {
    private final ErrorResponseProcessor<?> errors;

    StaleVersionHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, OptimisticLockException exception) {
        return errors.processResponse(ErrorContext.builder(request)
                .cause(Problems.preconditionFailed(null))
                .build(), HttpResponse.status(HttpStatus.PRECONDITION_FAILED));
    }
}
