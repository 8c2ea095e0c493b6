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
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.JwtTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
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

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Accepts only access tokens signed by the realm of a registered, active tenant. The tenant is the one whose
 * registered issuer equals the token's {@code iss}, verified against that realm's own keys: nothing in a header,
 * path or body can name another tenant. Roles and organisation come from the service's database, keyed by tenant
 * and subject; a token whose subject is unknown or disabled there is refused.
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
    private final Scheduler blocking;
    private final Duration clockSkew;

    RealmTokenValidator(TenantDirectory tenants, JwksCache jwks, UserDirectory users,
                        @Named(TaskExecutors.BLOCKING) ExecutorService blockingExecutor,
                        @Value("${ceptoar.tenancy.clock-skew:30s}") Duration clockSkew) {
        this.clockSkew = clockSkew;
        this.tenants = tenants;
        this.jwks = jwks;
        this.users = users;
        this.blocking = Schedulers.fromExecutorService(blockingExecutor);
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Mono.fromCallable(() -> validate(token).orElse(null)).subscribeOn(blocking);
    }

    Optional<Authentication> validate(String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            if (!(jwt instanceof SignedJWT signed)) {
                return reject("unsigned token");
            }
            JWSAlgorithm alg = signed.getHeader().getAlgorithm();
            if (!ACCEPTED_ALGORITHMS.contains(alg)) {
                return reject("algorithm " + alg + " not accepted");
            }
            String issuer = signed.getJWTClaimsSet().getIssuer();
            if (issuer == null) {
                return reject("no issuer");
            }
            Optional<Tenant> tenant = tenants.findActiveByIssuer(issuer);
            if (tenant.isEmpty()) {
                return reject("issuer not a registered active tenant");
            }
            String keyId = signed.getHeader().getKeyID();
            if (keyId == null) {
                return reject("no key id");
            }
            Optional<JWK> key = jwks.key(tenant.get().realmName(), keyId);
            if (key.isEmpty() || !signed.verify(verifier(key.get()))) {
                return reject("signature not valid for realm " + tenant.get().realmName());
            }
            JWTClaimsSet claims = signed.getJWTClaimsSet();
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
            Tenant t = tenant.get();
            Optional<Authentication> caller = users.authenticate(t.id(), t.code(), t.kind(), claims.getSubject())
                    .map(CurrentUser::toAuthentication);
            if (caller.isEmpty()) {
                return reject("subject unknown or disabled in tenant " + t.code());
            }
            return caller;
        } catch (Exception e) {
            return reject(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
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
        Instant now = Instant.now();
        Date exp = claims.getExpirationTime();
        if (exp == null || exp.toInstant().plus(clockSkew).isBefore(now)) {
            return false;
        }
        Date nbf = claims.getNotBeforeTime();
        return nbf == null || !nbf.toInstant().minus(clockSkew).isAfter(now);
    }

    private static Optional<Authentication> reject(String why) {
        LOG.debug("Bearer token rejected: {}", why);
        return Optional.empty();
    }
}
