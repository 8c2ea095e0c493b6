package jp.ceptoarhub.tenancy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JwtTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.BearerRefusal;
import jp.ceptoarhub.api.DependencyUnavailable;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.identity.JwksCache;
import jp.ceptoarhub.identity.RealmTemplate;
import jp.ceptoarhub.identity.UserDirectory;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Accepts only access tokens signed by the realm of a registered, active tenant. The tenant is the one whose
 * registered issuer equals the token's {@code iss}, verified against that realm's own keys: nothing in a header,
 * path or body can name another tenant. Roles and organisation come from the service's database, keyed by tenant
 * and subject; a token whose subject is unknown or disabled there (or whose organisation is suspended) is refused,
 * and so is a token of a role that needs a second factor unless its {@code acr} proves one (fail closed: a realm
 * whose sign-in flow was loosened by hand issues no such {@code acr}).
 *
 * <p>A dependency failure is not a bad token: if the database (or, with no signing keys cached yet, Keycloak) does
 * not answer within {@code ceptoar.tenancy.dependency-timeout}, the request gets 503 with {@code Retry-After},
 * never 401, so phones keep their sign-in through an outage. Forged tokens are refused before any database access
 * (issuers come from an in-memory directory, keys from the JWKS cache), so they still get 401 while it is down.
 */
@Singleton
@Replaces(JwtTokenValidator.class)
public class RealmTokenValidator implements TokenValidator<HttpRequest<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(RealmTokenValidator.class);
    private static final Set<String> ACCEPTED_CLIENTS = Set.of(
            RealmTemplate.WEB_CLIENT, RealmTemplate.MOBILE_CLIENT, RealmTemplate.NISC_SYSTEM_CLIENT);
    private static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final TenantDirectory tenants;
    private final JwksCache jwks;
    private final UserDirectory users;
    private final AccessDenials denials;
    private final Scheduler blocking;
    private final TenancySettings settings;
    private final Clock clock;

    RealmTokenValidator(TenantDirectory tenants, JwksCache jwks, UserDirectory users, AccessDenials denials,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor, TenancySettings settings,
                        Clock clock) {
        this.tenants = tenants;
        this.jwks = jwks;
        this.users = users;
        this.denials = denials;
        this.settings = settings;
        this.clock = clock;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Mono.fromCallable(() -> validate(token, request).orElse(null))
                .subscribeOn(blocking)
                .timeout(settings.dependencyTimeout(), Mono.error(() -> new DependencyUnavailable("no answer within "
                        + settings.dependencyTimeout().toMillis() + " ms")))
                .onErrorMap(DependencyUnavailable.class, e -> {
                    LOG.warn("Token check could not finish: {} ({} {})", e.getMessage(), request.getMethodName(),
                            request.getPath());
                    return Problems.unavailable("Your sign-in could not be checked because a service it depends on did "
                            + "not answer; try again in a few seconds");
                });
    }

    Optional<Authentication> validate(String token, HttpRequest<?> request) {
        SignedJWT signed;
        JWTClaimsSet claims;
        Tenant tenant;
        try {
            JWT jwt = JWTParser.parse(token);
            if (!(jwt instanceof SignedJWT s)) {
                return reject("unsigned token");
            }
            signed = s;
            JWSAlgorithm alg = signed.getHeader().getAlgorithm();
            if (!ACCEPTED_ALGORITHMS.contains(alg)) {
                return reject("algorithm " + alg + " not accepted");
            }
            String issuer = signed.getJWTClaimsSet().getIssuer();
            if (issuer == null) {
                return reject("no issuer");
            }
            Optional<Tenant> active = tenants.findActiveByIssuer(issuer);
            if (active.isEmpty()) {
                return reject("issuer not a registered active tenant");
            }
            tenant = active.get();
            String keyId = signed.getHeader().getKeyID();
            if (keyId == null) {
                return reject("no key id");
            }
            Optional<JWK> key = jwks.key(tenant.realmName(), keyId);
            if (key.isEmpty() || !signed.verify(verifier(key.get()))) {
                return reject("signature not valid for realm " + tenant.realmName());
            }
            claims = signed.getJWTClaimsSet();
        } catch (DependencyUnavailable e) {
            throw e;
        } catch (DataAccessException e) {
            throw new DependencyUnavailable("database: " + e);
        } catch (Exception e) {
            return reject(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (!timeValid(claims)) {
            return reject("expired or not yet valid");
        }
        Object typ = claims.getClaim("typ");
        if (typ != null && !"Bearer".equals(typ)) {
            return reject("not an access token (typ " + typ + ")");
        }
        // Only tokens issued to this product's clients: not the account console's, not some other app's in the realm.
        Object azp = claims.getClaim("azp");
        if (!(azp instanceof String client) || !ACCEPTED_CLIENTS.contains(client)) {
            return reject("issued to client " + azp);
        }
        Optional<CurrentUser> caller;
        try {
            caller = users.authenticate(tenant.id(), tenant.code(), tenant.kind(), claims.getSubject(),
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant());
        } catch (RuntimeException e) {
            if (e instanceof DataAccessException || DependencyUnavailable.causedByDatabase(e)) {
                throw new DependencyUnavailable("database: " + e);
            }
            throw e;
        }
        if (caller.isEmpty()) {
            return reject("subject unknown, disabled, of a suspended organisation or signed out in tenant "
                    + tenant.code());
        }
        if (caller.get().role().requiresTotp() && !RealmTemplate.provesSecondFactor(claims.getClaim("acr"))) {
            BearerRefusal.secondFactorRequired(RealmTemplate.SECOND_FACTOR_LEVEL).mark(request);
            denials.record(caller.get(), request.getMethodName(), request.getPath(), 401, "second-factor-required");
            return reject("role " + caller.get().role().code() + " needs a second factor; acr " + claims.getClaim("acr"));
        }
        return caller.map(CurrentUser::toAuthentication);
    }

    private static JWSVerifier verifier(JWK key) throws Exception {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        throw new IllegalArgumentException("unsupported key type " + key.getKeyType());
    }

    private boolean timeValid(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(settings.clockSkew()).isBefore(now)) {
            return false;
        }
        Date nbf = claims.getNotBeforeTime();
        return nbf == null || !nbf.toInstant().minus(settings.clockSkew()).isAfter(now);
    }

    private static Optional<Authentication> reject(String why) {
        LOG.debug("Bearer token rejected: {}", why);
        return Optional.empty();
    }
}
