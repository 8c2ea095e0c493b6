package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.CsvText;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Idempotency;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;

import java.net.URI;

/**
 * Composing, sending and handling one alert: drafts (create, edit, delete), send, the originator's later changes
 * (label, recipients, withdrawal), pass-on by a recipient, acknowledgement, and the sender's view of who was reached.
 */
@Controller("/api/v1/alerts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertController {
    private final AlertService alerts;
    private final PassOns passOns;
    private final AlertReads reads;
    private final AlertViews views;
    private final Acknowledgements acknowledgements;
    private final Recipients recipients;
    private final Viewers viewers;
    private final Idempotency idempotency;

    AlertController(AlertService alerts, PassOns passOns, AlertReads reads, AlertViews views,
                    Acknowledgements acknowledgements, Recipients recipients, Viewers viewers, Idempotency idempotency) {
        this.alerts = alerts;
        this.passOns = passOns;
        this.reads = reads;
        this.views = views;
        this.acknowledgements = acknowledgements;
        this.recipients = recipients;
        this.viewers = viewers;
        this.idempotency = idempotency;
    }

    /** What a send, an addition of recipients or a pass-on reached (or would reach, in a dry run). */
    @Serdeable
    record Delivery(boolean dryRun, int organisations, int readers, int alreadyReached, int excluded,
                    String recipientsLine, @Nullable Long passOnId, AlertViews.AlertView alert) {
    }

    @Post
    HttpResponse<?> create(CurrentUser user, HttpRequest<?> request, @Body AlertCommands.AlertInput body) {
        Viewer v = viewers.of(user);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            AlertViews.AlertView view = views.view(v, alerts.create(v, body), Labels.of(request));
            return HttpResponse.created(view, URI.create("/api/v1/alerts/" + view.id())).header(HttpHeaders.ETAG, view.etag());
        });
    }

    @Get("/{id:[0-9]+}")
    HttpResponse<AlertViews.AlertView> get(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        Viewer v = viewers.of(user);
        AlertRow a = reads.find(v, id).orElseThrow(() -> Problems.notFound("Alert " + id));
        if (a.sent() && !a.viewerIsOrigin() && v.org() != null) {
            acknowledgements.opened(v, a);
        }
        AlertViews.AlertView view = views.view(v, a, Labels.of(request));
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, view.etag());
    }

    @Patch("/{id:[0-9]+}")
    HttpResponse<AlertViews.AlertView> update(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                              @Body AlertCommands.AlertInput body) {
        Viewer v = viewers.of(user);
        AlertRow a = alerts.update(v, id, body, current -> ETags.requireMatch(request,
                AlertViews.etag(current.id(), current.version())));
        AlertViews.AlertView view = views.view(v, a, Labels.of(request));
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, view.etag());
    }

    @Delete("/{id:[0-9]+}")
    HttpResponse<?> delete(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        alerts.delete(viewers.of(user), id, current -> ETags.requireMatch(request,
                AlertViews.etag(current.id(), current.version())));
        return HttpResponse.noContent();
    }

    @Post("/{id:[0-9]+}/send")
    HttpResponse<?> send(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                         @Nullable @QueryValue Boolean dryRun) {
        Viewer v = viewers.of(user);
        boolean dry = Boolean.TRUE.equals(dryRun);
        return idempotency.execute(user.tenantId(), user.subject(), request, null,
                () -> HttpResponse.ok(delivery(v, alerts.send(v, id, dry), request)));
    }

    @Post("/{id:[0-9]+}/recipients")
    HttpResponse<?> addRecipients(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                  @Nullable @QueryValue Boolean dryRun, @Body AlertCommands.AddRecipients body) {
        Viewer v = viewers.of(user);
        boolean dry = Boolean.TRUE.equals(dryRun);
        return idempotency.execute(user.tenantId(), user.subject(), request, body,
                () -> HttpResponse.ok(delivery(v, alerts.addRecipients(v, id, body.audience(), dry), request)));
    }

    @Get("/{id:[0-9]+}/recipients")
    @Produces({MediaType.APPLICATION_JSON, CsvText.MEDIA_TYPE})
    HttpResponse<?> recipients(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                               @Nullable @QueryValue String state, @Nullable @QueryValue String format) {
        if (state != null && !state.equals("OPEN") && !state.equals("ACKED")) {
            throw Problems.invalidField("state", "must be OPEN or ACKED");
        }
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw Problems.invalidField("format", "must be csv or json");
        }
        Viewer v = viewers.of(user);
        Labels lang = Labels.of(request);
        AlertRow a = reads.find(v, id).filter(AlertRow::sent).orElseThrow(() -> Problems.notFound("Alert " + id));
        Recipients.View view = recipients.of(v, a, lang, state);
        if ("csv".equals(format) || format == null && AlertExportController.wantsCsv(request)) {
            return HttpResponse.ok(Recipients.csv(a, view, lang)).contentType(MediaType.of(CsvText.MEDIA_TYPE + ";charset=UTF-8"))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Content-Disposition", "attachment; filename=\"alert-" + id + "-recipients.csv\"");
        }
        return HttpResponse.ok(view).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Put("/{id:[0-9]+}/label")
    HttpResponse<AlertViews.AlertView> changeLabel(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                                   @Body AlertCommands.LabelChange body) {
        Viewer v = viewers.of(user);
        AlertRow a = alerts.changeLabel(v, id, body, current -> ETags.requireMatch(request,
                AlertViews.etag(current.id(), current.version())));
        AlertViews.AlertView view = views.view(v, a, Labels.of(request));
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, view.etag());
    }

    @Post("/{id:[0-9]+}/withdraw")
    HttpResponse<AlertViews.AlertView> withdraw(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                                                @Body AlertCommands.Withdraw body) {
        Viewer v = viewers.of(user);
        AlertViews.AlertView view = views.view(v, alerts.withdraw(v, id, body.reason()), Labels.of(request));
        return HttpResponse.ok(view).header(HttpHeaders.ETAG, view.etag());
    }

    @Post("/{id:[0-9]+}/pass-ons")
    HttpResponse<?> passOn(CurrentUser user, HttpRequest<?> request, @PathVariable long id,
                           @Nullable @QueryValue Boolean dryRun, @Body AlertCommands.PassOn body) {
        Viewer v = viewers.of(user);
        boolean dry = Boolean.TRUE.equals(dryRun);
        return idempotency.execute(user.tenantId(), user.subject(), request, body, () -> {
            Delivery d = delivery(v, passOns.passOn(v, id, body, dry), request);
            return dry ? HttpResponse.ok(d) : HttpResponse.created(d);
        });
    }

    @Post("/{id:[0-9]+}/acknowledgement")
    AlertViews.Acknowledgement acknowledge(CurrentUser user, HttpRequest<?> request, @PathVariable long id) {
        Viewer v = viewers.of(user);
        AlertRow a = reads.find(v, id).filter(AlertRow::sent).orElseThrow(() -> Problems.notFound("Alert " + id));
        Acknowledgements.Grant g = acknowledgements.acknowledge(v, a, request.getRemoteAddress().getAddress().getHostAddress(),
                request.getHeaders().get(HttpHeaders.USER_AGENT));
        return new AlertViews.Acknowledgement(g.ackState(), g.ackedAt(), g.ackedByName());
    }

    private Delivery delivery(Viewer v, AlertService.Outcome o, HttpRequest<?> request) {
        AlertRow a = reads.find(v, o.alert().id()).orElseThrow();
        return new Delivery(o.dryRun(), o.organisations(), o.readers(), o.alreadyReached(), o.excluded(),
                o.recipientsLine(), o.passOnId(), views.view(v, a, Labels.of(request)));
    }
}
