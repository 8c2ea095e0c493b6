package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.MemberSummary;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.reference.ReferenceService;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.NationalOrganisations.NationalOrganisation;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static jp.ceptoarhub.alerts.AudienceRule.Kind.CEPTOAR;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.MEMBER;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.MEMBERS;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.MINISTRY;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.NON_MEMBER_RECIPIENTS;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.OPERATOR;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.SECTOR;
import static jp.ceptoarhub.alerts.AudienceRule.Kind.USER;

/**
 * Who an alert reaches: parses the audience a sender or passer chose ({@link AudienceRule}) and resolves it into
 * the organisations of each recipient tenant and the named users, as they are at this moment (at send time the
 * rows are then written in each recipient's tenant). Resolution enforces who may address whom:
 * <ul>
 * <li>a CEPTOAR's secretariat addresses its own members and users only; NISC addresses sectors, CEPTOARs,
 * ministries, operators by their public number and national users — never a CEPTOAR's users;</li>
 * <li>under TLP:RED only named users are addressed, and every named user must be allowed to read the label;</li>
 * <li>a pass-on (展開) of TLP:AMBER or AMBER+STRICT reaches only organisations of the sectors the alert addresses
 * (GREEN and CLEAR: any organisation the passer may address); a ministry passes on only within its own sectors.</li>
 * </ul>
 */
@Singleton
class Audiences {
    static final int MAX_ENTRIES = 500;

    /** Who is choosing: the kinds each may use. */
    enum Scope {
        CEPTOAR_ORIGIN(EnumSet.of(MEMBERS, NON_MEMBER_RECIPIENTS, MEMBER, USER)),
        NATIONAL_ORIGIN(EnumSet.of(SECTOR, CEPTOAR, MINISTRY, OPERATOR, USER)),
        SECRETARIAT_PASS_ON(EnumSet.of(MEMBERS, NON_MEMBER_RECIPIENTS, MEMBER)),
        MINISTRY_PASS_ON(EnumSet.of(SECTOR, CEPTOAR));

        private final Set<AudienceRule.Kind> kinds;

        Scope(Set<AudienceRule.Kind> kinds) {
            this.kinds = kinds;
        }
    }

    /** An addressed organisation; {@code wholeOrganisation} false: only named users of it were addressed. */
    record Target(long tenantId, OrgRef org, boolean wholeOrganisation) {
    }

    record Named(long tenantId, long userId, OrgRef org) {
    }

    /**
     * The resolved audience: organisations, named users, the sectors it addresses, the 情報提供先 line, and how many
     * organisations a sector-bound pass-on left out.
     */
    record Resolution(List<Target> targets, List<Named> named, Set<String> sectors, String recipientsLine,
                      int excluded) {
    }

    /** An audience entry as the API shows it back, with the name of what it addresses. */
    @Serdeable
    record AudienceView(String kind, @Nullable Long memberId, @Nullable Long userId, @Nullable String sectorCode,
                        @Nullable String ceptoarCode, @Nullable String nationalOrganisationCode,
                        @Nullable String corporateNumber, @Nullable String localGovernmentCode, String label) {
    }

    private final MemberService members;
    private final UserDirectory users;
    private final TenantDirectory tenants;
    private final NationalOrganisations national;
    private final ReferenceService reference;
    private final Viewers viewers;

    Audiences(MemberService members, UserDirectory users, TenantDirectory tenants, NationalOrganisations national,
              ReferenceService reference, Viewers viewers) {
        this.viewers = viewers;
        this.members = members;
        this.users = users;
        this.tenants = tenants;
        this.national = national;
        this.reference = reference;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Parsing: the shape of each entry (400 naming audience[i].field)
    // ---------------------------------------------------------------------------------------------------------

    List<AudienceRule> parse(@Nullable List<AlertCommands.AudienceInput> input, Scope scope) {
        List<FieldError> errors = new ArrayList<>();
        if (input == null || input.isEmpty()) {
            throw Problems.invalidField("audience", "choose at least one recipient");
        }
        if (input.size() > MAX_ENTRIES) {
            throw Problems.invalidField("audience", "must have at most " + MAX_ENTRIES + " entries");
        }
        Set<String> sectors = sectorNames(Labels.JA).keySet();
        List<AudienceRule> rules = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            AlertCommands.AudienceInput in = input.get(i);
            String f = "audience[" + i + "].";
            AudienceRule.Kind kind = in == null || in.kind() == null ? null : parseKind(in.kind().strip());
            if (kind == null || !scope.kinds.contains(kind)) {
                errors.add(new FieldError(f + "kind", "must be one of " + scope.kinds + " here"));
                continue;
            }
            switch (kind) {
                case MEMBERS, NON_MEMBER_RECIPIENTS -> rules.add(AudienceRule.of(kind));
                case MEMBER -> {
                    if (in.memberId() == null) {
                        errors.add(new FieldError(f + "memberId", "is required for MEMBER"));
                    } else {
                        rules.add(new AudienceRule(kind, in.memberId(), null, null, null, null, null, null));
                    }
                }
                case USER -> {
                    if (in.userId() == null) {
                        errors.add(new FieldError(f + "userId", "is required for USER"));
                    } else {
                        rules.add(new AudienceRule(kind, null, in.userId(), null, null, null, null, null));
                    }
                }
                case SECTOR -> {
                    String code = in.sectorCode() == null ? null : in.sectorCode().strip();
                    if (code == null || !sectors.contains(code)) {
                        errors.add(new FieldError(f + "sectorCode", "must be a sector code (see /api/v1/reference/sectors)"));
                    } else {
                        rules.add(new AudienceRule(kind, null, null, code, null, null, null, null));
                    }
                }
                case CEPTOAR -> {
                    Optional<Tenant> t = in.ceptoarCode() == null ? Optional.empty()
                            : tenants.findByCode(in.ceptoarCode().strip())
                            .filter(x -> x.kind() == TenantKind.CEPTOAR && x.active());
                    if (t.isEmpty()) {
                        errors.add(new FieldError(f + "ceptoarCode", "is not an active CEPTOAR on the platform"));
                    } else {
                        rules.add(new AudienceRule(kind, null, null, null, t.get().id(), null, null, null));
                    }
                }
                case MINISTRY -> {
                    Optional<NationalOrganisation> o = in.nationalOrganisationCode() == null ? Optional.empty()
                            : national.findByCode(in.nationalOrganisationCode().strip()).filter(NationalOrganisation::ministry);
                    if (o.isEmpty()) {
                        errors.add(new FieldError(f + "nationalOrganisationCode", "must be FSA, MIC, MHLW, METI or MLIT"));
                    } else {
                        rules.add(new AudienceRule(kind, null, null, null, null, o.get().id(), null, null));
                    }
                }
                case OPERATOR -> {
                    String cn = blank(in.corporateNumber());
                    String lg = blank(in.localGovernmentCode());
                    if ((cn == null) == (lg == null)) {
                        errors.add(new FieldError(f + "corporateNumber", "give exactly one of corporateNumber and localGovernmentCode"));
                    } else if (cn != null && !OrganisationCodes.validCorporateNumber(cn)) {
                        errors.add(new FieldError(f + "corporateNumber", "must be a 13-digit 法人番号 with a correct check digit"));
                    } else if (lg != null && !OrganisationCodes.validLocalGovernmentCode(lg)) {
                        errors.add(new FieldError(f + "localGovernmentCode", "must be a 6-digit 地方公共団体コード with a correct check digit"));
                    } else {
                        rules.add(new AudienceRule(kind, null, null, null, null, null, cn, lg));
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return rules;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Resolution: what each entry reaches now (400 naming audience[i].field when it reaches nothing it may)
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Resolves the originator's audience. {@code sender} is the originating organisation's sender (its tenant is the
     * origin tenant).
     */
    Resolution resolveOrigin(Viewer sender, Tlp tlp, List<AudienceRule> rules) {
        boolean nationalOrigin = sender.org() != null && sender.org().kind() == OrgRef.Kind.NATIONAL;
        return resolve(sender.tenantId(), nationalOrigin ? Scope.NATIONAL_ORIGIN : Scope.CEPTOAR_ORIGIN, tlp, rules,
                null, null);
    }

    /** Resolves a pass-on by {@code passer} under {@code tlp} of an alert addressing {@code alertSectors}. */
    Resolution resolvePassOn(Viewer passer, Tlp tlp, Set<String> alertSectors, List<AudienceRule> rules) {
        if (passer.org().kind() == OrgRef.Kind.SECRETARIAT) {
            return resolve(passer.tenantId(), Scope.SECRETARIAT_PASS_ON, tlp, rules, alertSectors, null);
        }
        NationalOrganisation ministry = national.find(passer.org().id()).orElseThrow();
        return resolve(passer.tenantId(), Scope.MINISTRY_PASS_ON, tlp, rules, alertSectors, ministry);
    }

    private Resolution resolve(long tenantId, Scope scope, Tlp tlp, List<AudienceRule> rules,
                               @Nullable Set<String> passOnSectors, @Nullable NationalOrganisation passingMinistry) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, Named> named = new LinkedHashMap<>();
        Set<String> sectors = new TreeSet<>();
        Line line = new Line();
        int[] excluded = {0};
        boolean sectorBound = passOnSectors != null && tlp.rank() <= Tlp.AMBER.rank();
        Supplier<List<MemberSummary>> tenantMembers = memoize(() -> members.allOfTenant(tenantId));
        for (int i = 0; i < rules.size(); i++) {
            AudienceRule r = rules.get(i);
            String f = "audience[" + i + "].";
            if (tlp == Tlp.RED && r.kind() != USER) {
                errors.add(new FieldError(f + "kind", "TLP:RED is read by named users only: address users (kind USER)"));
                continue;
            }
            switch (r.kind()) {
                case MEMBERS, NON_MEMBER_RECIPIENTS -> {
                    int n = 0;
                    for (MemberSummary m : tenantMembers.get()) {
                        if (r.kind() == MEMBERS ? !m.member() : !m.nonMemberRecipient()) {
                            continue;
                        }
                        if (sectorBound && !passOnSectors.contains(m.sectorCode())) {
                            excluded[0]++;
                            continue;
                        }
                        add(targets, new Target(tenantId, OrgRef.member(m.id()), true));
                        sectors.add(m.sectorCode());
                        n++;
                    }
                    line.add((r.kind() == MEMBERS ? "構成員" : "構成員外の情報提供先") + "（全" + n + "者）");
                }
                case MEMBER -> {
                    Optional<MemberSummary> m = tenantMembers.get().stream().filter(x -> x.id() == r.memberId()).findFirst();
                    if (m.isEmpty()) {
                        errors.add(new FieldError(f + "memberId", "is not a member of this CEPTOAR"));
                    } else if (m.get().suspended()) {
                        errors.add(new FieldError(f + "memberId", "is suspended"));
                    } else if (sectorBound && !passOnSectors.contains(m.get().sectorCode())) {
                        errors.add(new FieldError(f + "memberId", "is outside the sectors this " + tlp.labelEn()
                                + " alert addresses; it is passed on only within them"));
                    } else {
                        add(targets, new Target(tenantId, OrgRef.member(m.get().id()), true));
                        sectors.add(m.get().sectorCode());
                        line.count("構成員", "者");
                    }
                }
                case USER -> {
                    Optional<AppUser> u = users.find(tenantId, r.userId()).filter(AppUser::active);
                    OrgRef org = u.map(viewers::organisationOf).orElse(null);
                    if (org == null) {
                        errors.add(new FieldError(f + "userId", scope == Scope.NATIONAL_ORIGIN
                                ? "is not an active user of the NISC desk or a ministry"
                                : "is not an active user of this CEPTOAR with an organisation"));
                    } else if (!tlp.readableBy(u.get().affiliation())) {
                        errors.add(new FieldError(f + "userId", "is " + u.get().affiliation().name() + " and may not read "
                                + tlp.labelEn() + "; change the label or the user's affiliation"));
                    } else {
                        named.put(tenantId + ":" + u.get().id(), new Named(tenantId, u.get().id(), org));
                        add(targets, new Target(tenantId, org, false));
                        line.count("指名", "名");
                    }
                }
                case SECTOR -> {
                    if (passingMinistry != null && !allowedForMinistry(passingMinistry, r.sectorCode(), passOnSectors, sectorBound)) {
                        errors.add(new FieldError(f + "sectorCode", ministryLimit(passingMinistry, tlp)));
                        continue;
                    }
                    for (Tenant t : ceptoarsOf(r.sectorCode())) {
                        add(targets, new Target(t.id(), OrgRef.SECRETARIAT, true));
                    }
                    if (passingMinistry == null) {
                        national.competentFor(r.sectorCode()).ifPresent(m ->
                                add(targets, new Target(tenantId, OrgRef.national(m.id()), true)));
                    }
                    sectors.add(r.sectorCode());
                }
                case CEPTOAR -> {
                    Tenant t = tenants.findById(r.ceptoarTenantId()).filter(Tenant::active).orElse(null);
                    String sector = t == null ? null : sectorOf(t);
                    if (t == null) {
                        errors.add(new FieldError(f + "ceptoarCode", "is not an active CEPTOAR on the platform"));
                        continue;
                    }
                    if (passingMinistry != null && (sector == null
                            || !allowedForMinistry(passingMinistry, sector, passOnSectors, sectorBound))) {
                        errors.add(new FieldError(f + "ceptoarCode", ministryLimit(passingMinistry, tlp)));
                        continue;
                    }
                    add(targets, new Target(t.id(), OrgRef.SECRETARIAT, true));
                    if (sector != null) {
                        sectors.add(sector);
                        if (passingMinistry == null) {
                            national.competentFor(sector).ifPresent(m ->
                                    add(targets, new Target(tenantId, OrgRef.national(m.id()), true)));
                        }
                    }
                    line.name(t.nameJa());
                }
                case MINISTRY -> {
                    NationalOrganisation m = national.find(r.nationalOrganisationId()).orElseThrow();
                    add(targets, new Target(tenantId, OrgRef.national(m.id()), true));
                    sectors.addAll(m.sectorCodes());
                }
                case OPERATOR -> {
                    int found = 0;
                    for (Tenant t : tenants.ceptoarTenants()) {
                        if (!t.active()) {
                            continue;
                        }
                        Optional<MemberSummary> m = members.findByOrganisationCode(t.id(), r.corporateNumber(),
                                r.localGovernmentCode()).filter(x -> !x.suspended());
                        if (m.isPresent()) {
                            found++;
                            add(targets, new Target(t.id(), OrgRef.member(m.get().id()), true));
                            sectors.add(m.get().sectorCode());
                            national.competentFor(m.get().sectorCode()).ifPresent(x ->
                                    add(targets, new Target(tenantId, OrgRef.national(x.id()), true)));
                        }
                    }
                    if (found == 0) {
                        errors.add(new FieldError(f + (r.corporateNumber() != null ? "corporateNumber" : "localGovernmentCode"),
                                "no active member operator with this number on the platform"));
                    } else {
                        line.count("事業者", "者");
                    }
                }
                default -> throw new IllegalStateException(r.kind().name());
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        String recipients = scope == Scope.NATIONAL_ORIGIN
                ? String.join("、", nonEmpty(ministriesLine(targets.values(), sectors), line.toString()))
                : tenants.findById(tenantId).map(Tenant::nameJa).orElse("") + " " + line;
        return new Resolution(List.copyOf(targets.values()), List.copyOf(named.values()), Set.copyOf(sectors),
                recipients.strip(), excluded[0]);
    }

    /**
     * How many people can read the alert among the resolved audience under {@code tlp}: active users of a wholly
     * addressed organisation whose affiliation allows the label (never under RED), and the named users.
     */
    int readers(Resolution r, Tlp tlp) {
        Set<String> whole = new HashSet<>();
        Set<Long> tenantIds = new LinkedHashSet<>();
        for (Target t : r.targets()) {
            if (t.wholeOrganisation()) {
                whole.add(t.tenantId() + ":" + t.org());
            }
            tenantIds.add(t.tenantId());
        }
        Set<String> namedUsers = r.named().stream().map(n -> n.tenantId() + ":" + n.userId()).collect(Collectors.toSet());
        int count = 0;
        for (long tenantId : tenantIds) {
            for (AppUser u : users.usersOf(tenantId)) {
                OrgRef org = u.active() ? viewers.organisationOf(u) : null;
                if (org == null || !tlp.readableBy(u.affiliation())) {
                    continue;
                }
                if (namedUsers.contains(tenantId + ":" + u.id()) || tlp != Tlp.RED && whole.contains(tenantId + ":" + org)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The rules as the API shows them back to their author (codes instead of internal ids, and a name). */
    List<AudienceView> describe(long tenantId, List<AudienceRule> rules, Labels lang) {
        Map<String, String> sectorNames = sectorNames(lang);
        Supplier<Map<Long, MemberSummary>> byId = memoize(() -> members.allOfTenant(tenantId).stream()
                .collect(Collectors.toMap(MemberSummary::id, m -> m)));
        List<AudienceView> out = new ArrayList<>();
        for (AudienceRule r : rules) {
            String ceptoarCode = null;
            String organisationCode = null;
            String label = switch (r.kind()) {
                case MEMBERS -> lang.pick("全構成員", "All members");
                case NON_MEMBER_RECIPIENTS -> lang.pick("構成員外の情報提供先（全て）", "All non-member recipients");
                case MEMBER -> Optional.ofNullable(byId.get().get(r.memberId())).map(MemberSummary::nameJa)
                        .orElse("#" + r.memberId());
                case USER -> users.find(tenantId, r.userId())
                        .map(u -> u.displayName() == null ? u.username() : u.displayName()).orElse("#" + r.userId());
                case SECTOR -> sectorNames.getOrDefault(r.sectorCode(), r.sectorCode());
                case CEPTOAR -> {
                    Tenant t = tenants.findById(r.ceptoarTenantId()).orElse(null);
                    ceptoarCode = t == null ? null : t.code();
                    yield t == null ? "#" + r.ceptoarTenantId() : lang.pick(t.nameJa(), t.nameEn());
                }
                case MINISTRY -> {
                    NationalOrganisation m = national.find(r.nationalOrganisationId()).orElseThrow();
                    organisationCode = m.code();
                    yield m.name(lang);
                }
                case OPERATOR -> r.corporateNumber() != null ? lang.pick("法人番号 ", "Corporate number ")
                        + r.corporateNumber() : lang.pick("地方公共団体コード ", "Local government code ") + r.localGovernmentCode();
            };
            out.add(new AudienceView(r.kind().name(), r.memberId(), r.userId(), r.sectorCode(), ceptoarCode,
                    organisationCode, r.corporateNumber(), r.localGovernmentCode(), label));
        }
        return out;
    }

    /** The sector of a CEPTOAR tenant (from the CEPTOAR directory), or null for a tenant not in the directory. */
    @Nullable
    String sectorOf(Tenant t) {
        if (t.ceptoarCode() == null) {
            return null;
        }
        return reference.ceptoars(Labels.JA).stream().filter(c -> c.code().equals(t.ceptoarCode()))
                .map(ReferenceService.CeptoarEntry::sectorCode).findFirst().orElse(null);
    }

    Map<String, String> sectorNames(Labels lang) {
        Map<String, String> names = new LinkedHashMap<>();
        reference.sectors(lang).forEach(s -> names.put(s.code(), s.label()));
        return names;
    }

    private List<Tenant> ceptoarsOf(String sectorCode) {
        return tenants.ceptoarTenants().stream().filter(Tenant::active)
                .filter(t -> sectorCode.equals(sectorOf(t))).toList();
    }

    private static boolean allowedForMinistry(NationalOrganisation ministry, String sector,
                                              @Nullable Set<String> alertSectors, boolean sectorBound) {
        return ministry.sectorCodes().contains(sector) && (!sectorBound || alertSectors.contains(sector));
    }

    private static String ministryLimit(NationalOrganisation ministry, Tlp tlp) {
        return "is outside what " + ministry.nameEn() + " may pass on: its own sectors"
                + (tlp.rank() <= Tlp.AMBER.rank() ? ", and only those this " + tlp.labelEn() + " alert addresses" : "");
    }

    /** 情報提供先 of a NISC provision: 所管省庁名及び分野名, e.g. 経済産業省（電力分野、ガス分野）. */
    private String ministriesLine(Iterable<Target> targets, Set<String> sectors) {
        Map<String, String> names = sectorNames(Labels.JA);
        StringBuilder sb = new StringBuilder();
        for (NationalOrganisation m : national.all()) {
            boolean addressed = false;
            for (Target t : targets) {
                addressed |= t.wholeOrganisation() && t.org().equals(OrgRef.national(m.id()));
            }
            if (!addressed) {
                continue;
            }
            List<String> own = m.sectorCodes().stream().filter(sectors::contains).map(s -> names.get(s) + "分野").toList();
            sb.append(sb.isEmpty() ? "" : "、").append(m.nameJa());
            if (!own.isEmpty()) {
                sb.append("（").append(String.join("、", own)).append("）");
            }
        }
        return sb.toString();
    }

    private static void add(Map<String, Target> targets, Target t) {
        String key = t.tenantId() + ":" + t.org();
        Target existing = targets.get(key);
        if (existing == null || !existing.wholeOrganisation() && t.wholeOrganisation()) {
            targets.put(key, t);
        }
    }

    private static List<String> nonEmpty(String... parts) {
        return Arrays.stream(parts).filter(p -> !p.isBlank()).toList();
    }

    private static @Nullable AudienceRule.Kind parseKind(String s) {
        try {
            return AudienceRule.Kind.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        Object[] cache = {null};
        return () -> {
            if (cache[0] == null) {
                cache[0] = s.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) cache[0];
            return t;
        };
    }

    /** The rest of the 情報提供先 line: named CEPTOARs, counts of chosen members, operators and named users. */
    private static final class Line {
        private final List<String> parts = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<String, String> units = new HashMap<>();

        void add(String part) {
            parts.add(part);
        }

        void name(String name) {
            parts.add(name);
        }

        void count(String what, String unit) {
            counts.merge(what, 1, Integer::sum);
            units.put(what, unit);
        }

        @Override
        public String toString() {
            List<String> all = new ArrayList<>(parts);
            counts.forEach((what, n) -> all.add(what + n + units.get(what)));
            return all.isEmpty() ? "" : (String.join("、", all));
        }
    }
}
