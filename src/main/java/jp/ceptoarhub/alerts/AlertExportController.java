package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.CsvText;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What leaves the system: an export of the alerts the reader may read (JSON or CSV) and one alert as a STIX 2.1
 * bundle. Both are capped by the tenant's export ceiling ({@link AlertSettings}: RED and AMBER+STRICT are not
 * exported unless the tenant allows it), both are audited, and neither is cached.
 */
@Controller("/api/v1/alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertExportController {
    static final int MAX_EXPORT = 5_000;

    private final AlertReads reads;
    private final AlertViews views;
    private final AlertSettings settings;
    private final StixBundles stix;
    private final Viewers viewers;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final JsonMapper jsonMapper;

    AlertExportController(AlertReads reads, AlertViews views, AlertSettings settings, StixBundles stix,
                          Viewers viewers, AuditService audit, TransactionOperations<Connection> tx,
                          JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        this.reads = reads;
        this.views = views;
        this.settings = settings;
        this.stix = stix;
        this.viewers = viewers;
        this.audit = audit;
        this.tx = tx;
    }

    @Serdeable
    record ExportRow(long id, @Nullable String number, @Nullable Integer reportNo, String status, String importance,
                     String tlp, @Nullable String specialRemarks, @Nullable Instant providedAt,
                     @Nullable String providedAtText, String origin, @Nullable String recipientsLine, String title,
                     @Nullable String outline, @Nullable String targets, @Nullable String handling,
                     @Nullable String otherInfo, boolean annex, @Nullable String inquiryContact) {
    }

    @Serdeable
    record Export(String maxExportTlp, List<ExportRow> items) {
    }

    @Get("/export")
    @Produces({MediaType.APPLICATION_JSON, CsvText.MEDIA_TYPE})
    HttpResponse<?> export(CurrentUser user, HttpRequest<?> request, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String format) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw Problems.invalidField("format", "must be csv or json");
        }
        Instant fromAt = date(from, "from");
        Instant toAt = date(to, "to");
        Viewer v = viewers.of(user);
        Labels lang = Labels.of(request);
        Tlp ceiling = settings.of(v.tenantId()).maxExportTlp();
        List<ExportRow> rows = reads.exportable(v, ceiling, fromAt, toAt == null ? null
                : toAt.plus(Duration.ofDays(1)), MAX_EXPORT).stream().map(a -> row(a, lang)).toList();
        tx.executeWrite(s -> {
            audit.record(user, "alert.exported", "alert", null, "count=" + rows.size() + " maxExportTlp="
                    + ceiling.name() + (from == null ? "" : " from=" + from) + (to == null ? "" : " to=" + to));
            return null;
        });
        if ("csv".equals(format) || format == null && wantsCsv(request)) {
            CsvText csv = new CsvText();
            csv.row(List.of("識別番号", "第n報", "状態", "重要度", "情報共有範囲", "特記事項", "情報提供日時", "発信元",
                    "情報提供先", "件名", "①概要", "②対象", "③対処方針", "④その他", "別紙有無", "本件問合せ先"));
            for (ExportRow r : rows) {
                csv.row(List.of(CsvText.cell(r.number()), CsvText.cell(r.reportNo()), r.status(), r.importance(), r.tlp(),
                        CsvText.cell(r.specialRemarks()), CsvText.cell(r.providedAtText()), r.origin(),
                        CsvText.cell(r.recipientsLine()), r.title(), CsvText.cell(r.outline()), CsvText.cell(r.targets()),
                        CsvText.cell(r.handling()), CsvText.cell(r.otherInfo()), r.annex() ? "有" : "無",
                        CsvText.cell(r.inquiryContact())));
            }
            return HttpResponse.ok(csv.toString()).contentType(MediaType.of(CsvText.MEDIA_TYPE + ";charset=UTF-8"))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Content-Disposition", "attachment; filename=\"alerts.csv\"");
        }
        return HttpResponse.ok(new Export(ceiling.code(), rows)).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** One alert as a STIX 2.1 bundle; 403 when its label for the reader is above the tenant's export ceiling. */
    @Get("/{id:[0-9]+}/stix")
    @Produces({StixBundles.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    HttpResponse<?> stix(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        Viewer v = viewers.of(user);
        AlertRow a = reads.find(v, id).filter(AlertRow::sent).orElseThrow(() -> Problems.notFound("Alert " + id));
        Tlp ceiling = settings.of(v.tenantId()).maxExportTlp();
        if (a.effectiveTlp().narrowerThan(ceiling)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "export-above-ceiling", "Forbidden", a.effectiveTlp().labelEn()
                    + " is above this organisation's export ceiling (" + ceiling.labelEn() + "); it stays in the app. "
                    + "The secretariat admin sets the ceiling in the alert settings");
        }
        tx.executeWrite(s -> {
            audit.record(user, "alert.stix-exported", "alert", id, "number=" + a.number() + " tlp="
                    + a.effectiveTlp().name());
            return null;
        });
        boolean json = request.accept().stream().findFirst().map(m -> m.getName().equals(MediaType.APPLICATION_JSON))
                .orElse(false);
        String body;
        try {
            body = jsonMapper.writeValueAsString(stix.bundle(a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(body).contentType(json ? MediaType.APPLICATION_JSON_TYPE
                        : MediaType.of(StixBundles.MEDIA_TYPE))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Disposition", "attachment; filename=\"alert-" + a.number() + ".stix.json\"");
    }

    private ExportRow row(AlertRow a, Labels lang) {
        return new ExportRow(a.id(), a.number(), a.reportNo(), a.status(), a.importance().label(lang),
                a.effectiveTlp().labelEn(), a.specialRemarks(), a.sentAt(), AlertViews.providedAtText(a.sentAt(), lang),
                views.origin(a, lang).name(), a.recipientsLine(), a.title(), a.outline(), a.targets(), a.handling(),
                a.otherInfo(), a.annex(), a.inquiryContact());
    }

    private static @Nullable Instant date(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ClockFactory.JST).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidField(field, "must be a date such as 2026-04-01 (JST)");
        }
    }

    static boolean wantsCsv(HttpRequest<?> request) {
        for (MediaType accepted : request.accept()) {
            if (accepted.getName().equals(CsvText.MEDIA_TYPE)) {
                return true;
            }
            if (accepted.getName().equals(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
