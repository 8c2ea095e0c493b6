package jp.ceptoarhub.contacts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.contacts.ContactCodes.Availability;
import jp.ceptoarhub.contacts.ContactCodes.CallOrder;
import jp.ceptoarhub.contacts.ContactCodes.ChannelType;
import jp.ceptoarhub.contacts.ContactCodes.ContactFunction;
import jp.ceptoarhub.contacts.ContactCommands.StoredChannel;
import jp.ceptoarhub.contacts.ContactCommands.StoredFunction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a member's call tree covers each function: a primary, a deputy, and someone reachable after hours (the
 * national exercise found deputies unreachable at night). POC and INCIDENT_CONTACT need a primary and a deputy;
 * lacking either makes the list incomplete. After-hours reachability = a contact with order AFTER_HOURS for the
 * function, or one available 24x7 with a phone or mobile channel; its absence is reported but does not make the
 * list incomplete.
 */
@Serdeable
record ContactCoverage(long memberId, boolean complete, int contactCount, List<FunctionCoverage> functions,
                       @Nullable Instant lastChangedAt, @Nullable Instant lastConfirmedAt) {

    @Serdeable
    record FunctionCoverage(String function, String functionLabel, boolean required, int primaryCount,
                            int deputyCount, int afterHoursCount, boolean hasPrimary, boolean hasDeputy,
                            boolean hasAfterHours, boolean complete, List<String> missing) {
    }

    static ContactCoverage of(long memberId, List<Contact> live, ContactRules rules, Labels lang,
                              @Nullable Instant lastChangedAt, @Nullable Instant lastConfirmedAt) {
        List<FunctionCoverage> functions = functions(live, rules, lang);
        return new ContactCoverage(memberId, complete(live, functions), live.size(), functions, lastChangedAt,
                lastConfirmedAt);
    }

    /** The freshness rule: at least one contact, and a primary and a deputy for every required function. */
    static boolean complete(List<Contact> live, ContactRules rules) {
        return complete(live, functions(live, rules, Labels.JA));
    }

    private static boolean complete(List<Contact> live, List<FunctionCoverage> functions) {
        return !live.isEmpty() && functions.stream().allMatch(FunctionCoverage::complete);
    }

    private static List<FunctionCoverage> functions(List<Contact> live, ContactRules rules, Labels lang) {
        List<FunctionCoverage> out = new ArrayList<>();
        for (ContactFunction fn : ContactFunction.values()) {
            int primary = 0;
            int deputy = 0;
            int afterHours = 0;
            boolean reachableAtNight = false;
            for (Contact c : live) {
                for (StoredFunction f : rules.functions(c.functionsJson())) {
                    if (!f.function().equals(fn.name())) {
                        continue;
                    }
                    switch (CallOrder.valueOf(f.order())) {
                        case PRIMARY -> primary++;
                        case DEPUTY -> deputy++;
                        case AFTER_HOURS -> afterHours++;
                    }
                    if (Availability.H24.name().equals(c.availability()) && hasVoice(rules.channels(c.channelsJson()))) {
                        reachableAtNight = true;
                    }
                }
            }
            boolean hasAfterHours = afterHours > 0 || reachableAtNight;
            List<String> missing = new ArrayList<>();
            if (primary == 0) {
                missing.add(CallOrder.PRIMARY.name());
            }
            if (deputy == 0) {
                missing.add(CallOrder.DEPUTY.name());
            }
            if (!hasAfterHours) {
                missing.add(CallOrder.AFTER_HOURS.name());
            }
            out.add(new FunctionCoverage(fn.name(), fn.label(lang), fn.required(), primary, deputy, afterHours,
                    primary > 0, deputy > 0, hasAfterHours, !fn.required() || primary > 0 && deputy > 0, missing));
        }
        return out;
    }

    private static boolean hasVoice(List<StoredChannel> channels) {
        return channels.stream().anyMatch(ch -> !ChannelType.EMAIL.name().equals(ch.type()));
    }
}
