package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs, so a phone that lost the response on a bad network can safely retry:
 * the first request's response is stored and replayed for the same key; the same key with a different body is
 * refused (422). Keys are per tenant and caller, compared exactly (case-sensitive), kept 24 hours.
 *
 * <p>The claim of the key, the work and the stored response are one database transaction, so they are kept
 * together or not at all: if the service dies or the response cannot be stored, nothing of the first attempt is
 * kept and a retry runs it again (work outside the database, such as a Keycloak user, is undone by the action
 * when its transaction rolls back). A retry that arrives while the first attempt is still running waits for it
 * (on the claim's row lock) and then gets its response; if it is still running after the database's lock wait
 * timeout, the retry gets 409. A claim without a response left by an earlier version of the service is taken over
 * by the next retry.
 */
@Singleton
public class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final Set<String> SECRET_FIELDS = Set.of("temporaryPassword");
    /** MariaDB and MySQL: lock wait timeout; MySQL: NOWAIT. */
    private static final Set<Integer> LOCK_TIMEOUT_CODES = Set.of(1205, 3572);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcOperations jdbc, TransactionOperations<Connection> tx, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    public HttpResponse<?> execute(long tenantId, String subject, HttpRequest<?> request, @Nullable Object body,
                                   Supplier<MutableHttpResponse<?>> action) {
        String key = request.getHeaders().get(HEADER);
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw Problems.invalidField(HEADER, "must be 1-100 visible ASCII characters (a UUID is a good choice)");
        }
        String path = request.getPath();
        String hash = hash(request.getMethodName() + " " + path + "\n" + toJson(body));
        Claim claim = new Claim(tenantId, subject, key);
        try {
            return tx.executeWrite(status -> {
                if (!insert(claim, request.getMethodName(), path, hash)) {
                    Stored stored = lock(claim).orElseThrow(() -> Problems.conflict("idempotency-key-in-progress",
                            "The first request with this Idempotency-Key failed; retry"));
                    if (!stored.requestHash.equals(hash)) {
                        throw Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Unprocessable Content",
                                "This Idempotency-Key was already used for a different request");
                    }
                    if (stored.status != null) {
                        return replay(stored);
                    }
                    // A claim without a response whose request is gone (this lock was free): run it now.
                }
                MutableHttpResponse<?> response = action.get();
                storeResponse(claim, response);
                return response;
            });
        } catch (RuntimeException e) {
            if (lockTimeout(e)) {
                throw Problems.conflict("idempotency-key-in-progress",
                        "A request with this Idempotency-Key is still being processed; retry later");
            }
            throw e;
        }
    }

    /** Claims the key; false if it is taken (waits while an uncommitted claim of it is being worked on). */
    private boolean insert(Claim claim, String method, String path, String hash) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO idempotency_record (tenant_id, subject, "
                    + "idem_key, request_method, request_path, request_hash, created_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setLong(1, claim.tenantId());
                ps.setString(2, claim.subject());
                ps.setString(3, claim.key());
                ps.setString(4, method);
                ps.setString(5, path.length() > 500 ? path.substring(0, 500) : path);
                ps.setString(6, hash);
                ps.setTimestamp(7, Timestamp.from(clock.instant()));
                ps.executeUpdate();
                return true;
            } catch (SQLIntegrityConstraintViolationException duplicate) {
                return false;
            }
        });
    }

    private Optional<Stored> lock(Claim claim) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT request_hash, response_status, response_body, "
                    + "response_location, response_etag FROM idempotency_record "
                    + "WHERE tenant_id = ? AND subject = ? AND idem_key = ? FOR UPDATE")) {
                ps.setLong(1, claim.tenantId());
                ps.setString(2, claim.subject());
                ps.setString(3, claim.key());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    int status = rs.getInt(2);
                    Integer responseStatus = rs.wasNull() ? null : status;
                    return Optional.of(new Stored(rs.getString(1), responseStatus, rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        });
    }

    private void storeResponse(Claim claim, MutableHttpResponse<?> response) {
        String location = response.getHeaders().get(HttpHeaders.LOCATION);
        String etag = response.getHeaders().get(HttpHeaders.ETAG);
        String responseBody = response.getBody().map(this::storedForm).orElse(null);
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE idempotency_record SET response_status = ?, "
                    + "response_body = ?, response_location = ?, response_etag = ? "
                    + "WHERE tenant_id = ? AND subject = ? AND idem_key = ?")) {
                ps.setInt(1, response.code());
                ps.setString(2, responseBody);
                ps.setString(3, location);
                ps.setString(4, etag);
                ps.setLong(5, claim.tenantId());
                ps.setString(6, claim.subject());
                ps.setString(7, claim.key());
                return ps.executeUpdate();
            }
        });
    }

    private static boolean lockTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_TIMEOUT_CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }

    private static MutableHttpResponse<?> replay(Stored s) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(s.status));
        response.header("Idempotent-Replayed", "true");
        if (s.location != null) {
            response.header(HttpHeaders.LOCATION, s.location);
        }
        if (s.etag != null) {
            response.header(HttpHeaders.ETAG, s.etag);
        }
        if (s.body != null) {
            response.contentType(MediaType.APPLICATION_JSON_TYPE).body(s.body);
        }
        return response;
    }

    /** Safe on several replicas: each deletes whatever has expired. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void purgeExpired() {
        tx.executeWrite(s -> jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM idempotency_record WHERE created_at < ? LIMIT 10000")) {
                ps.setTimestamp(1, Timestamp.from(clock.instant().minus(RETENTION)));
                return ps.executeUpdate();
            }
        }));
    }

    /**
     * The response as stored for replays, without secrets that must be shown only once (a new user's one-time
     * password): the stored copy would otherwise keep them readable in the database for a day.
     */
    private String storedForm(Object body) {
        try {
            JsonNode tree = json.writeValueToTree(body);
            return new String(json.writeValueAsBytes(redact(tree)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode redact(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> kept = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.entries()) {
                if (!SECRET_FIELDS.contains(e.getKey())) {
                    kept.put(e.getKey(), redact(e.getValue()));
                }
            }
            return JsonNode.createObjectNode(kept);
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.values().forEach(v -> items.add(redact(v)));
            return JsonNode.createArrayNode(items);
        }
        return node;
    }

    private String toJson(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        try {
            return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claim(long tenantId, String subject, String key) {
    }

    private record Stored(String requestHash, @Nullable Integer status, @Nullable String body, @Nullable String location,
                          @Nullable String etag) {
    }
}
