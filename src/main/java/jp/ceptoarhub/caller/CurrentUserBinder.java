package jp.ceptoarhub.caller;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers declare a {@link CurrentUser} parameter. */
@Singleton
class CurrentUserBinder implements TypedRequestArgumentBinder<CurrentUser> {
    @Override
    public Argument<CurrentUser> argumentType() {
        return Argument.of(CurrentUser.class);
    }

    @Override
    public BindingResult<CurrentUser> bind(ArgumentConversionContext<CurrentUser> context, HttpRequest<?> source) {
        if (!source.getAttributes().contains(SecurityFilter.KEY)) {
            return BindingResult.unsatisfied();
        }
        Optional<CurrentUser> user = source.getUserPrincipal(Authentication.class).map(CurrentUser::from);
        return user.isPresent() ? () -> user : BindingResult.unsatisfied();
    }
}
