package jp.ceptoarhub.identity;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** The national authority's realm and display name (NISC was reorganised in 2025; the name is configuration). */
@ConfigurationProperties("ceptoar.national")
public record NationalSettings(
        @Bindable(defaultValue = "national") String realm,
        @Bindable(defaultValue = "国家サイバー統括室") String displayNameJa,
        @Bindable(defaultValue = "National Cybersecurity Office") String displayNameEn) {
}
