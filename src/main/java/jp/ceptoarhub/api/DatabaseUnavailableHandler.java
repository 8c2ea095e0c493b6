package jp.ceptoarhub.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No database connection became free in time (the database is down, or the service is overloaded): 503 with
 * {@code Retry-After}, logged as one warning line — not a 500 with a stack trace per request during an outage.
 */
@Singleton
@Produces
@Requires(classes = {CannotGetJdbcConnectionException.class, ExceptionHandler.class})
class DatabaseUnavailableHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

    private final ErrorResponseProcessor<?> errors;

    DatabaseUnavailableHandler(ErrorResponseProcessor<?> errors) {
        this.errors = errors;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        LOG.warn("No database connection for {} {}: {}", request.getMethodName(), request.getPath(),
                exception.getCause() == null ? exception.getMessage() : exception.getCause().getMessage());
        return errors.processResponse(ErrorContext.builder(request)
                .cause(new DependencyUnavailable("database"))
                .build(), HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
