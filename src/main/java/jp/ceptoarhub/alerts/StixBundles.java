package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An alert as a STIX 2.1 bundle for MISP and OpenCTI users: a {@code report} (published = 情報提供日時, the 識別番号
 * as external id, the form's sections as description), the sending organisation as an {@code identity}, the OASIS
 * TLP 2.0 marking-definition object of the label the reader reads it under, and 特記事項 as a {@code statement}
 * marking. Every SDO carries the TLP marking in {@code object_marking_refs}; {@code object_refs} names only the
 * identity — never another alert of the thread, which the reader may not be allowed to read. Ids of the report,
 * identity and statement are name-based (UUIDv5), so a re-export updates rather than duplicates in the importer.
 */
@Singleton
class StixBundles {
    static final String MEDIA_TYPE = "application/stix+json;version=2.1";
    /** Namespace of this product's name-based STIX ids (random, fixed). */
    private static final UUID NAMESPACE = UUID.fromString("2f1d6c7e-8b54-4c41-9a57-3f0e5d9c2a18");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final TenantDirectory tenants;
    private final AlertViews views;

    StixBundles(TenantDirectory tenants, AlertViews views) {
        this.tenants = tenants;
        this.views = views;
    }

    Map<String, Object> bundle(AlertRow a) {
        Tlp tlp = a.effectiveTlp();
        String marking = TlpMarkings.id(tlp);
        Tenant originTenant = tenants.findById(a.tenantId()).orElseThrow();
        String identityId = "identity--" + uuid5("origin:" + a.tenantId() + ":" + a.origin().kind() + ":" + a.origin().id());
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("type", "identity");
        identity.put("spec_version", "2.1");
        identity.put("id", identityId);
        identity.put("created", timestamp(originTenant.createdAt()));
        identity.put("modified", timestamp(originTenant.createdAt()));
        identity.put("name", views.origin(a, Labels.JA).name());
        identity.put("identity_class", "organization");
        identity.put("object_marking_refs", List.of(marking));

        List<String> markings = new ArrayList<>(List.of(marking));
        Map<String, Object> statement = null;
        if (a.specialRemarks() != null) {
            statement = new LinkedHashMap<>();
            statement.put("type", "marking-definition");
            statement.put("spec_version", "2.1");
            statement.put("id", "marking-definition--" + uuid5("remarks:" + a.id() + ":" + a.specialRemarks()));
            statement.put("created", timestamp(a.sentAt()));
            statement.put("created_by_ref", identityId);
            statement.put("name", "特記事項");
            statement.put("definition_type", "statement");
            statement.put("definition", Map.of("statement", a.specialRemarks()));
            markings.add((String) statement.get("id"));
        }

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("type", "report");
        report.put("spec_version", "2.1");
        report.put("id", "report--" + uuid5("alert:" + a.tenantId() + ":" + a.id()));
        report.put("created", timestamp(a.sentAt()));
        report.put("modified", timestamp(a.updatedAt()));
        report.put("created_by_ref", identityId);
        report.put("name", "[" + a.number() + "] " + a.title());
        report.put("description", description(a));
        report.put("published", timestamp(a.sentAt()));
        report.put("report_types", List.of("threat-report"));
        report.put("labels", List.of("importance:" + a.importance().name().toLowerCase(Locale.ROOT)));
        report.put("lang", "ja");
        report.put("external_references", List.of(Map.of("source_name", "ceptoar-hub",
                "external_id", a.number(), "description", "情報提供 " + a.number() + "（第" + a.reportNo() + "報）")));
        report.put("object_refs", List.of(identityId));
        report.put("object_marking_refs", markings);
        if (AlertRow.WITHDRAWN.equals(a.status())) {
            report.put("revoked", true);
        }

        List<Object> objects = new ArrayList<>();
        objects.add(TlpMarkings.object(tlp));
        if (statement != null) {
            objects.add(statement);
        }
        objects.add(identity);
        objects.add(report);
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        bundle.put("objects", objects);
        return bundle;
    }

    private static String description(AlertRow a) {
        StringBuilder sb = new StringBuilder();
        sb.append("重要度: ").append(a.importance().labelJa()).append(" / 第").append(a.reportNo()).append("報\n");
        section(sb, "①概要", a.outline());
        section(sb, "②対象", a.targets());
        section(sb, "③対処方針", a.handling());
        section(sb, "④その他", a.otherInfo());
        section(sb, AlertSettings.inquiryHeading(a.origin().kind() == OrgRef.Kind.NATIONAL), a.inquiryContact());
        return sb.toString().strip();
    }

    private static void section(StringBuilder sb, String heading, @Nullable String text) {
        if (text != null) {
            sb.append('\n').append(heading).append('\n').append(text).append('\n');
        }
    }

    /** STIX timestamps: UTC, millisecond precision, {@code Z}. */
    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
            return new UUID(b.getLong(), b.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
