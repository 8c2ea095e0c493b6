package jp.ceptoarhub.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.annotation.PreMatching;

/**
 * A request whose body is empty but declared {@code application/x-www-form-urlencoded} — what {@code curl -d ''}
 * and HTTP libraries send for a POST "with no data" — is treated as the request without a body it is: the
 * Content-Type is dropped before the route is chosen. A body-less action (suspend, confirm, accept, …) then
 * answers as it does to a plain {@code curl -X POST}, instead of a 415 that no operation describes; an operation
 * that needs a JSON body answers with its usual 400. A non-empty body of a type an operation does not take is
 * still 415 (API conventions in api-spec/openapi.yaml).
 */
@ServerFilter("/api/**")
class EmptyFormBody {
    @PreMatching
    @RequestFilter
    void dropContentType(MutableHttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        if (request.getContentLength() == 0 && headers.contentType()
                .filter(t -> t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).isPresent()) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
