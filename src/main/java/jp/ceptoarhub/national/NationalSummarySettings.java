package jp.ceptoarhub.national;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jp.ceptoarhub.national.disclosure.DisclosureParameters;

/**
 * Parameters of the national summaries' disclosure control (design defaults: k = 5, G = 20, d = max(3, ⌈0.3·m⌉),
 * N_min = 10) and how many components are protected in parallel. Stored with every release; never published.
 */
@ConfigurationProperties("ceptoar.national-summaries")
record NationalSummarySettings(
        @Bindable(defaultValue = "5") int k,
        @Bindable(defaultValue = "20") int groupMinimum,
        @Bindable(defaultValue = "3") int intervalMinimum,
        @Bindable(defaultValue = "0.3") double intervalFraction,
        @Bindable(defaultValue = "10") int poolMinimum,
        @Bindable(defaultValue = "2") int threads) {

    DisclosureParameters parameters() {
        return new DisclosureParameters(k, groupMinimum, intervalMinimum, intervalFraction, poolMinimum);
    }
}
