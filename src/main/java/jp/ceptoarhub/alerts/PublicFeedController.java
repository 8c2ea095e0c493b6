package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.time.Instant;
import java.util.List;

/**
 * The public Atom feeds (RFC 4287) of TLP:CLEAR alerts (公開情報: 「誰でも」), one per CEPTOAR for its own alerts and
 * one for the national tier's: anonymous, and nothing but sent CLEAR alerts of that originator (a withdrawn alert,
 * or one whose label the originator narrows, leaves the feed). Read as the anonymous viewer of
 * {@link AlertVisibility}.
 */
@Controller("/api/v1/public")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PublicFeedController {
    static final String ATOM = "application/atom+xml";
    static final int ENTRIES = 50;

    private final AlertReads reads;
    private final TenantDirectory tenants;
    private final NationalOrganisations national;

    PublicFeedController(AlertReads reads, TenantDirectory tenants, NationalOrganisations national) {
        this.reads = reads;
        this.tenants = tenants;
        this.national = national;
    }

    @Get(value = "/ceptoars/{code}/alert-feed", produces = ATOM)
    HttpResponse<String> ceptoar(HttpRequest<?> request, @PathVariable String code) {
        Tenant t = tenants.findByCode(code).filter(x -> x.kind() == TenantKind.CEPTOAR && x.active())
                .orElseThrow(() -> Problems.notFound("CEPTOAR " + code));
        return feed(request, t, OrgRef.SECRETARIAT, t.nameJa() + " 事務局", "ceptoar:" + t.code());
    }

    @Get(value = "/national/alert-feed", produces = ATOM)
    HttpResponse<String> national(HttpRequest<?> request) {
        Tenant t = tenants.findByCode("national").orElseThrow();
        NationalOrganisations.NationalOrganisation desk = national.niscDesk();
        return feed(request, t, OrgRef.national(desk.id()), desk.nameJa(), "national");
    }

    private HttpResponse<String> feed(HttpRequest<?> request, Tenant tenant, OrgRef origin, String author, String key) {
        List<AlertRow> alerts = reads.feed(tenant.id(), origin, ENTRIES);
        Instant updated = alerts.stream().map(AlertRow::updatedAt).max(Instant::compareTo).orElse(tenant.createdAt());
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n");
        x.append("  <id>urn:ceptoar-hub:feed:").append(esc(key)).append("</id>\n");
        x.append("  <title>").append(esc(author)).append(" 情報提供（TLP:CLEAR 公開情報）</title>\n");
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <link rel=\"self\" href=\"").append(esc(request.getPath())).append("\"/>\n");
        x.append("  <author><name>").append(esc(author)).append("</name></author>\n");
        for (AlertRow a : alerts) {
            x.append("  <entry>\n");
            x.append("    <id>urn:ceptoar-hub:alert:").append(a.tenantId()).append(':').append(a.id()).append("</id>\n");
            x.append("    <title>[").append(esc(a.number())).append("][").append(a.importance().labelJa()).append("] ")
                    .append(esc(a.title())).append("</title>\n");
            x.append("    <published>").append(a.sentAt()).append("</published>\n");
            x.append("    <updated>").append(a.updatedAt()).append("</updated>\n");
            x.append("    <category term=\"").append(a.importance().code()).append("\" label=\"")
                    .append(a.importance().labelJa()).append("\"/>\n");
            x.append("    <category term=\"TLP:CLEAR\"/>\n");
            x.append("    <content type=\"text\">").append(esc(content(a))).append("</content>\n");
            x.append("  </entry>\n");
        }
        x.append("</feed>\n");
        return HttpResponse.ok(x.toString()).contentType(MediaType.of(ATOM + ";charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }

    private static String content(AlertRow a) {
        StringBuilder sb = new StringBuilder("TLP:CLEAR（公開情報）\n情報提供日時: ")
                .append(AlertViews.providedAtText(a.sentAt(), Labels.JA)).append("\n第").append(a.reportNo()).append("報\n");
        append(sb, "①概要", a.outline());
        append(sb, "②対象", a.targets());
        append(sb, "③対処方針", a.handling());
        append(sb, "④その他", a.otherInfo());
        append(sb, AlertSettings.inquiryHeading(a.origin().kind() == OrgRef.Kind.NATIONAL), a.inquiryContact());
        return sb.toString().strip();
    }

    private static void append(StringBuilder sb, String heading, @Nullable String text) {
        if (text != null) {
            sb.append('\n').append(heading).append('\n').append(text).append('\n');
        }
    }

    /** XML text escaping; characters XML 1.0 cannot carry are dropped. */
    static String esc(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
