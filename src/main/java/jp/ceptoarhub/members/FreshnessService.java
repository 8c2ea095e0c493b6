package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CsvText;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.records.RecordFreshness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's freshness dashboard: per member and record type, when it was last changed or re-confirmed and
 * whether it is MISSING, STALE (latest change/confirmation older than the tenant's staleAfterDays), INCOMPLETE or
 * CURRENT; plus who of the member's users was last active. Record types come from {@link RecordFreshness} beans.
 */
@Singleton
class FreshnessService {
    /** Worst first: a member's overall status is the worst of its records. */
    enum Status implements Labelled {
        MISSING("未登録", "Missing"), STALE("確認期限切れ", "Stale"), INCOMPLETE("不完全", "Incomplete"), CURRENT("最新", "Current");

        private final String labelJa;
        private final String labelEn;

        Status(String labelJa, String labelEn) {
            this.labelJa = labelJa;
            this.labelEn = labelEn;
        }

        @Override
        public String labelJa() {
            return labelJa;
        }

        @Override
        public String labelEn() {
            return labelEn;
        }
    }

    private final MemberOperatorRepository members;
    private final List<RecordFreshness> providers;
    private final UserDirectory users;
    private final TenantDirectory tenants;
    private final MemberService memberService;
    private final Clock clock;

    FreshnessService(MemberOperatorRepository members, List<RecordFreshness> providers, UserDirectory users,
                     TenantDirectory tenants, MemberService memberService, Clock clock) {
        this.clock = clock;
        this.members = members;
        this.memberService = memberService;
        this.providers = providers;
        this.users = users;
        this.tenants = tenants;
    }

    @Serdeable
    record Dashboard(int staleAfterDays, Instant generatedAt, List<RecordTypeRef> recordTypes, List<Row> items) {
    }

    @Serdeable
    record RecordTypeRef(String code, String label, boolean available) {
    }

    @Serdeable
    record Row(long memberId, String nameJa, String nameKana, String sectorCode, String membershipKind,
               String status, List<RecordState> records, @Nullable Instant lastActiveAt,
               @Nullable Long lastActiveUserId, @Nullable String lastActiveUsername) {
    }

    @Serdeable
    record RecordState(String recordType, String status, @Nullable Instant lastChangedAt,
                       @Nullable Instant lastConfirmedAt, boolean stale, boolean complete) {
    }

    record Query(@Nullable String status, @Nullable String recordType, @Nullable String sectorCode,
                 @Nullable String membershipKind, @Nullable String q, @Nullable String sort) {
    }

    Dashboard dashboard(CurrentUser user, Labels lang, Query query) {
        MemberService.requireSecretariat(user);
        return build(user, lang, query, null);
    }

    @Serdeable
    record MemberFreshness(long memberId, String status, int staleAfterDays, Instant generatedAt,
                           List<RecordTypeRef> recordTypes, List<RecordState> records) {
    }

    /** One member's row, for its own operators' dashboard (and the secretariat): same rules as the dashboard. */
    MemberFreshness member(CurrentUser user, Labels lang, long memberId) {
        memberService.requireRecordAccess(user, memberId, "Freshness");
        Dashboard d = build(user, lang, new Query(null, null, null, null, null, null), memberId);
        Row row = d.items().getFirst();
        return new MemberFreshness(memberId, row.status(), d.staleAfterDays(), d.generatedAt(), d.recordTypes(),
                row.records());
    }

    private Dashboard build(CurrentUser user, Labels lang, Query query, @Nullable Long onlyMember) {
        Status wantedStatus = parse(query.status());
        Tenant tenant = tenants.findById(user.tenantId()).orElseThrow();
        Instant now = clock.instant();
        Instant staleBefore = now.minus(Duration.ofDays(tenant.staleAfterDays()));

        // Known record types in order, each with its provider if one is deployed, then any extra providers.
        Map<String, RecordFreshness> byType = new LinkedHashMap<>();
        for (RecordType t : RecordType.values()) {
            byType.put(t.code(), null);
        }
        for (RecordFreshness p : providers) {
            byType.put(p.recordType(), p);
        }
        if (query.recordType() != null && !byType.containsKey(query.recordType())) {
            throw Problems.invalidField("recordType", "must be one of " + String.join(", ", byType.keySet()));
        }
        List<RecordTypeRef> types = new ArrayList<>();
        Map<String, Map<Long, RecordFreshness.Observation>> observations = new LinkedHashMap<>();
        for (var e : byType.entrySet()) {
            String label = RecordType.fromCode(e.getKey()).map(t -> t.label(lang)).orElse(e.getKey());
            types.add(new RecordTypeRef(e.getKey(), label, e.getValue() != null));
            observations.put(e.getKey(), e.getValue() == null ? Map.of() : e.getValue().observe(user.tenantId()));
        }

        Map<Long, AppUser> lastActive = new HashMap<>();
        for (AppUser u : users.usersOf(user.tenantId())) {
            if (u.memberOperatorId() == null || u.lastSeenAt() == null) {
                continue;
            }
            lastActive.merge(u.memberOperatorId(), u,
                    (a, b) -> a.lastSeenAt().isAfter(b.lastSeenAt()) ? a : b);
        }

        String q = MemberRules.text(query.q());
        String qKana = q == null ? null : JapaneseText.hiraganaToKatakana(q);
        List<Row> rows = new ArrayList<>();
        for (MemberOperator m : members.findAllOfTenant(user.tenantId())) {
            if (onlyMember != null && !onlyMember.equals(m.id())
                    || query.sectorCode() != null && !query.sectorCode().equals(m.sectorCode())
                    || query.membershipKind() != null && !query.membershipKind().equals(m.membershipKind())
                    || q != null && !m.nameJa().contains(q) && !m.nameKana().contains(qKana)) {
                continue;
            }
            List<RecordState> states = new ArrayList<>();
            Status overall = Status.CURRENT;
            Status filterOn = null;
            for (var e : observations.entrySet()) {
                RecordFreshness.Observation o = e.getValue().get(m.id());
                Status s;
                boolean stale = false;
                if (o == null) {
                    s = Status.MISSING;
                } else {
                    Instant latest = o.latest();
                    stale = latest == null || latest.isBefore(staleBefore);
                    s = stale ? Status.STALE : o.complete() ? Status.CURRENT : Status.INCOMPLETE;
                }
                states.add(new RecordState(e.getKey(), s.name(), o == null ? null : o.lastChangedAt(),
                        o == null ? null : o.lastConfirmedAt(), stale, o != null && o.complete()));
                if (s.ordinal() < overall.ordinal()) {
                    overall = s;
                }
                if (e.getKey().equals(query.recordType())) {
                    filterOn = s;
                }
            }
            Status compared = query.recordType() != null ? filterOn : overall;
            if (wantedStatus != null && compared != wantedStatus) {
                continue;
            }
            AppUser active = lastActive.get(m.id());
            rows.add(new Row(m.id(), m.nameJa(), m.nameKana(), m.sectorCode(), m.membershipKind(), overall.name(),
                    states, active == null ? null : active.lastSeenAt(), active == null ? null : active.id(),
                    active == null ? null : active.username()));
        }
        rows.sort(comparator(query.sort()));
        return new Dashboard(tenant.staleAfterDays(), now, types, rows);
    }

    private static @Nullable Status parse(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("status", "must be MISSING, STALE, INCOMPLETE or CURRENT");
        }
    }

    private static Comparator<Row> comparator(@Nullable String sort) {
        Comparator<Row> byName = Comparator.comparing(Row::nameKana).thenComparing(Row::memberId);
        Comparator<Row> byActive = Comparator.comparing(Row::lastActiveAt,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Row> byStatus = Comparator.comparing(r -> Status.valueOf(r.status()).ordinal());
        return switch (sort == null || sort.isBlank() ? "status" : sort.strip()) {
            case "status" -> byStatus.thenComparing(byName);
            case "-status" -> byStatus.reversed().thenComparing(byName);
            case "name" -> byName;
            case "-name" -> byName.reversed();
            case "lastActive" -> byActive.thenComparing(byName);
            case "-lastActive" -> byActive.reversed().thenComparing(byName);
            default -> throw Problems.invalidField("sort",
                    "must be one of status, -status, name, -name, lastActive, -lastActive");
        };
    }

    /** The dashboard as CSV (see {@link CsvText}: UTF-8 BOM, CRLF, every cell through its formula guard). */
    static String csv(Dashboard d) {
        CsvText csv = new CsvText();
        List<String> header = new ArrayList<>(List.of("memberId", "nameJa", "nameKana", "sectorCode",
                "membershipKind", "status", "lastActiveAt", "lastActiveUsername"));
        for (RecordTypeRef t : d.recordTypes()) {
            header.add(t.code() + ".status");
            header.add(t.code() + ".lastChangedAt");
            header.add(t.code() + ".lastConfirmedAt");
        }
        csv.row(header);
        for (Row r : d.items()) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(r.memberId()), r.nameJa(), r.nameKana(),
                    r.sectorCode(), r.membershipKind(), r.status(), CsvText.cell(r.lastActiveAt()),
                    CsvText.cell(r.lastActiveUsername())));
            for (RecordState s : r.records()) {
                cells.add(s.status());
                cells.add(CsvText.cell(s.lastChangedAt()));
                cells.add(CsvText.cell(s.lastConfirmedAt()));
            }
            csv.row(cells);
        }
        return csv.toString();
    }
}
