package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 別紙 (attachments) of an alert, stored in the database in the origin tenant and read back chunk by chunk. Only
 * the types a recipient can open safely on a phone are accepted — PDF, PNG, JPEG, plain text and CSV in UTF-8, and
 * the Office Open XML documents — and the content must be what its type says (magic bytes, strict UTF-8), so a
 * renamed executable is refused. At most {@value #MAX_FILES} files of {@value #MAX_BYTES} bytes each per alert.
 * Samples (検体) are not attachments: NISC asks for them separately (手引書 1.6).
 */
@Singleton
class Attachments {
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_FILES = 10;
    static final int CHUNK = 256 * 1024;

    /** Accepted types, with the file extensions that go with them. */
    static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("application/pdf", List.of("pdf"));
        TYPES.put("image/png", List.of("png"));
        TYPES.put("image/jpeg", List.of("jpg", "jpeg"));
        TYPES.put("text/plain", List.of("txt", "log"));
        TYPES.put("text/csv", List.of("csv"));
        TYPES.put("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"));
        TYPES.put("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
        TYPES.put("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"));
    }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final JdbcOperations jdbc;

    Attachments(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    record Attachment(long id, String filename, String contentType, long size, String sha256) {
    }

    /** Metadata of a stored attachment, with where its chunks are. */
    record Stored(long id, long tenantId, long alertId, String filename, String contentType, long size,
                  int chunks) {
    }

    /** Checks type, name and content; 400/413/415 problems name the field. Returns the media type without params. */
    static String check(@Nullable String contentType, @Nullable String filename, byte[] content) {
        if (filename == null || filename.isBlank()) {
            throw Problems.invalidField("filename", "is required (the file's name, e.g. 別紙1.pdf)");
        }
        if (filename.length() > 255 || filename.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\')) {
            throw Problems.invalidField("filename", "must be 1-255 characters without path separators or control characters");
        }
        if (content.length == 0) {
            throw Problems.invalidField("file", "is empty");
        }
        if (content.length > MAX_BYTES) {
            throw tooLarge(content.length);
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.containsKey(type)) {
            throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type-not-allowed", "Unsupported Media Type",
                    "contentType: " + (type.isEmpty() ? "missing" : type) + " is not accepted; attach one of "
                            + String.join(", ", TYPES.keySet()));
        }
        String extension = filename.contains(".") ? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!TYPES.get(type).contains(extension)) {
            throw Problems.invalidField("filename", "must end in ." + String.join(" or .", TYPES.get(type))
                    + " for " + type);
        }
        if (!looksLike(type, content)) {
            throw Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-content-mismatch", "Unsupported Media Type",
                    "file: the content is not " + type + " (its first bytes do not match the type)");
        }
        return type;
    }

    static RuntimeException tooLarge(long size) {
        return Problems.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "attachment-too-large", "Content Too Large",
                "file: " + size + " bytes is over the limit of " + MAX_BYTES + " bytes (5 MB) per attachment");
    }

    private static boolean looksLike(String type, byte[] c) {
        return switch (type) {
            case "application/pdf" -> startsWith(c, PDF);
            case "image/png" -> startsWith(c, PNG);
            case "image/jpeg" -> startsWith(c, JPEG);
            case "text/plain", "text/csv" -> utf8Text(c);
            default -> startsWith(c, ZIP);
        };
    }

    private static boolean startsWith(byte[] c, byte[] magic) {
        return c.length >= magic.length && Arrays.equals(c, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean utf8Text(byte[] c) {
        for (byte b : c) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Stores an attachment of a draft; the caller holds the draft's lock (so the count limit cannot race). */
    Attachment store(long tenantId, long alertId, String filename, String type, byte[] content, long userId) {
        if (count(tenantId, alertId) >= MAX_FILES) {
            throw Problems.of(HttpStatus.CONFLICT, "too-many-attachments", "Conflict",
                    "An alert has at most " + MAX_FILES + " attachments; remove one first");
        }
        String sha = sha256(content);
        int chunks = (content.length + CHUNK - 1) / CHUNK;
        long id = jdbc.execute(conn -> {
            long newId;
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_attachment (tenant_id, alert_id, "
                    + "filename, content_type, size_bytes, sha256, chunk_count, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                ps.setString(3, filename);
                ps.setString(4, type);
                ps.setLong(5, content.length);
                ps.setString(6, sha);
                ps.setInt(7, chunks);
                ps.setLong(8, userId);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    newId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO alert_attachment_chunk (tenant_id, attachment_id, seq, bytes) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < chunks; i++) {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, newId);
                    ps.setInt(3, i);
                    ps.setBytes(4, Arrays.copyOfRange(content, i * CHUNK, Math.min(content.length, (i + 1) * CHUNK)));
                    ps.executeUpdate();
                }
            }
            return newId;
        });
        return new Attachment(id, filename, type, content.length, sha);
    }

    int count(long tenantId, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT COUNT(*) FROM alert_attachment WHERE tenant_id = ? AND alert_id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Removes a draft's attachment; false if the alert has no such attachment. */
    boolean remove(long tenantId, long alertId, long attachmentId) {
        return jdbc.execute(conn -> {
            int removed;
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM alert_attachment WHERE tenant_id = ? AND alert_id = ? AND id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                ps.setLong(3, attachmentId);
                removed = ps.executeUpdate();
            }
            if (removed > 0) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "DELETE FROM alert_attachment_chunk WHERE tenant_id = ? AND attachment_id = ?")) {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, attachmentId);
                    ps.executeUpdate();
                }
            }
            return removed > 0;
        });
    }

    /**
     * The attachments of alerts (all in their origin tenants), by alert id. The caller has read each alert under
     * the visibility predicate; the attachments belong to the alert and are read under its ACL.
     */
    Map<Long, List<Attachment>> of(Collection<AlertRow> alerts) {
        Map<Long, List<Attachment>> out = new LinkedHashMap<>();
        if (alerts.isEmpty()) {
            return out;
        }
        String keys = alerts.stream().map(a -> "(" + a.tenantId() + "," + a.id() + ")").collect(Collectors.joining(","));
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT alert_id, id, filename, content_type, size_bytes, "
                    + "sha256 FROM alert_attachment WHERE (tenant_id, alert_id) IN (" + keys + ") ORDER BY alert_id, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Attachment(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** An attachment of an alert the caller has read under the predicate. */
    Optional<Stored> find(AlertRow alert, long attachmentId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, filename, content_type, size_bytes, chunk_count "
                    + "FROM alert_attachment WHERE tenant_id = ? AND alert_id = ? AND id = ?")) {
                ps.setLong(1, alert.tenantId());
                ps.setLong(2, alert.id());
                ps.setLong(3, attachmentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Stored(rs.getLong(1), alert.tenantId(), alert.id(), rs.getString(2),
                            rs.getString(3), rs.getLong(4), rs.getInt(5)));
                }
            }
        });
    }

    /** One chunk of a stored attachment (each read is its own short query, so a download holds no connection). */
    byte[] chunk(Stored a, int seq) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT bytes FROM alert_attachment_chunk "
                    + "WHERE tenant_id = ? AND attachment_id = ? AND seq = ?")) {
                ps.setLong(1, a.tenantId());
                ps.setLong(2, a.id());
                ps.setInt(3, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("attachment " + a.id() + " lacks chunk " + seq);
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
