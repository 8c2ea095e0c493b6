package jp.ceptoarhub.alerts;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.caller.CurrentUser;

/** The tenant's alert settings: own number prefix, export ceiling, default 本件問合せ先. */
@Controller("/api/v1/alerts/settings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AlertSettingsController {
    private final AlertSettings settings;
    private final AlertViews views;

    AlertSettingsController(AlertSettings settings, AlertViews views) {
        this.settings = settings;
        this.views = views;
    }

    @Serdeable
    record SettingsView(String numberPrefix, AlertViews.TlpView maxExportTlp, String inquiryContact, long version) {
    }

    private SettingsView view(AlertSettings.Settings s) {
        return new SettingsView(s.numberPrefix(), views.tlp(s.maxExportTlp()), s.inquiryContact(), s.version());
    }

    @Get
    HttpResponse<SettingsView> get(CurrentUser user) {
        AlertSettings.Settings s = settings.of(user.tenantId());
        return HttpResponse.ok(view(s)).header(HttpHeaders.ETAG, AlertSettings.etag(s, user.tenantId()));
    }

    @Put
    HttpResponse<SettingsView> put(CurrentUser user, HttpRequest<?> request, @Body AlertCommands.SettingsInput body) {
        AlertSettings.Settings s = settings.update(user, body,
                current -> ETags.requireMatch(request, AlertSettings.etag(current, user.tenantId())));
        return HttpResponse.ok(view(s)).header(HttpHeaders.ETAG, AlertSettings.etag(s, user.tenantId()));
    }
}
