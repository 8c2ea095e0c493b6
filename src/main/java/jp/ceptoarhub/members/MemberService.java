package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.JapaneseText;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.records.RecordAccess;
import jp.ceptoarhub.records.RecordType;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Member operators of the caller's tenant. Every query is scoped by the caller's tenant (from the verified token);
 * an id of another tenant is simply not found. Operator users see only their own organisation. Decides, as the
 * records' {@link RecordAccess}, who may read and change a member's readiness records.
 */
@Singleton
public class MemberService implements RecordAccess {
    private final MemberOperatorRepository members;
    private final MemberRules rules;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final RecordPolicies policies;
    private final SuspendedMembers suspended;
    private final Clock clock;

    MemberService(MemberOperatorRepository members, MemberRules rules, AuditService audit,
                  TransactionOperations<Connection> tx, RecordPolicies policies, SuspendedMembers suspended,
                  Clock clock) {
        this.suspended = suspended;
        this.policies = policies;
        this.clock = clock;
        this.members = members;
        this.rules = rules;
        this.audit = audit;
        this.tx = tx;
    }

    /** For other features: the member with this id in the tenant, if any. */
    public Optional<MemberSummary> find(long tenantId, long memberId) {
        return members.findByTenantIdAndId(tenantId, memberId).map(MemberOperator::summary);
    }

    /**
     * Who may read and change a member's readiness records: the tenant's secretariat for every member, operator
     * users for their own organisation only. National users get 403; any other member id is a 404, so that an id
     * from another tenant or organisation cannot be told apart from one that does not exist.
     */
    public void requireRecordAccess(CurrentUser user, long memberId, String records) {
        if (user.national()) {
            throw Problems.forbidden(records + " belong to each CEPTOAR; national users have no access");
        }
        if (!user.secretariat() && !Long.valueOf(memberId).equals(user.memberOperatorId())
                || !exists(user.tenantId(), memberId)) {
            throw Problems.notFound("Member " + memberId);
        }
    }

    /**
     * Who may change a member's readiness records of one type: as {@link #requireRecordAccess}, and operator-staff
     * users only where the tenant has not made that record type read-only for them (403 naming the setting).
     */
    public void requireRecordWrite(CurrentUser user, long memberId, RecordType type) {
        requireRecordAccess(user, memberId, type.label(Labels.EN));
        if (user.is(Role.OPERATOR_STAFF) && policies.operatorStaffReadOnly(user.tenantId(), type)) {
            throw Problems.of(HttpStatus.FORBIDDEN, "read-only-record-type", "Read only",
                    "In this CEPTOAR, operator staff may read but not change " + type.code()
                            + " (record policy set by the secretariat); ask an operator administrator");
        }
    }

    @Override
    public void requireRead(CurrentUser user, long memberId, RecordType type) {
        requireRecordAccess(user, memberId, type.label(Labels.EN));
    }

    @Override
    public void requireWrite(CurrentUser user, long memberId, RecordType type) {
        requireRecordWrite(user, memberId, type);
    }

    public boolean exists(long tenantId, long memberId) {
        return members.findByTenantIdAndId(tenantId, memberId).isPresent();
    }

    /**
     * For other features: the tenant's member with this 法人番号 or 地方公共団体コード (exactly one is given), e.g. an
     * operator that NISC addresses directly by its public number.
     */
    public Optional<MemberSummary> findByOrganisationCode(long tenantId, @Nullable String corporateNumber,
                                                          @Nullable String localGovernmentCode) {
        Optional<MemberOperator> m = corporateNumber != null
                ? members.findByTenantIdAndCorporateNumber(tenantId, corporateNumber)
                : members.findByTenantIdAndLocalGovernmentCode(tenantId, localGovernmentCode);
        return m.map(MemberOperator::summary);
    }

    /** Every member of the tenant (suspended and non-member recipients included), by id; for record features. */
    public List<MemberSummary> allOfTenant(long tenantId) {
        return members.findAllOfTenant(tenantId).stream().map(MemberOperator::summary).toList();
    }

    /** The member as the caller may see it: 404 for other tenants' ids and, for operator users, other organisations. */
    MemberOperator visible(CurrentUser user, long id) {
        MemberProblems.requireCeptoarUser(user);
        Optional<MemberOperator> m = members.findByTenantIdAndId(user.tenantId(), id);
        if (m.isEmpty() || !user.secretariat() && !Long.valueOf(id).equals(user.memberOperatorId())) {
            throw Problems.notFound("Member " + id);
        }
        return m.get();
    }

    List<MemberOperator> search(CurrentUser user, long afterId, int limit, @Nullable String q,
                                @Nullable String sectorCode, @Nullable String membershipKind) {
        MemberProblems.requireCeptoarUser(user);
        Long onlyId = null;
        if (!user.secretariat()) {
            if (user.memberOperatorId() == null) {
                return List.of();
            }
            onlyId = user.memberOperatorId();
        }
        if (membershipKind != null && !membershipKind.isBlank()) {
            try {
                MembershipKind.valueOf(membershipKind);
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField("membershipKind", "must be MEMBER, NON_MEMBER_RECIPIENT or SUSPENDED");
            }
        }
        String query = MemberRules.text(q);
        if (query != null && query.length() > 200) {
            throw Problems.invalidField("q", "must be at most 200 characters");
        }
        String like = query == null ? null : "%" + escapeLike(query) + "%";
        String kanaLike = query == null ? null : "%" + escapeLike(JapaneseText.hiraganaToKatakana(query)) + "%";
        String digits = query == null ? null : MemberRules.digits(query);
        return members.search(user.tenantId(), afterId, onlyId, blankToNull(sectorCode), blankToNull(membershipKind),
                query == null ? null : (digits != null && digits.matches("\\d{6}|\\d{13}") ? digits : query),
                like, kanaLike, limit);
    }

    /** For the demo data and benchmarks: creates a member as {@link #add} does. */
    public MemberSummary create(CurrentUser user, MemberCommands.MemberInput input) {
        return add(user, input).summary();
    }

    MemberOperator add(CurrentUser user, MemberCommands.MemberInput input) {
        requireSecretariat(user);
        MemberData d = valid(input);
        Instant now = clock.instant();
        return tx.executeWrite(status -> {
            checkUnique(user.tenantId(), d, null);
            MemberOperator saved = insert(new MemberOperator(null, user.tenantId(), d.nameJa(), d.nameKana(),
                    d.nameEn(), d.corporateNumber(), d.localGovernmentCode(), d.sectorCode(), d.subSectorCode(),
                    d.employeeBand(), d.capitalBand(), d.membershipKind(), null, null, null, d.address(), d.notes(),
                    now, now, null));
            audit.record(user, "member.created", "member", saved.id(), describe(saved));
            return saved;
        });
    }

    MemberOperator update(CurrentUser user, long id, MemberCommands.MemberInput input,
                          Consumer<MemberOperator> precondition) {
        requireSecretariat(user);
        return tx.executeWrite(status -> {
            MemberOperator current = visible(user, id);
            precondition.accept(current);
            if (current.suspended() && input.membershipKind() != null
                    && !input.membershipKind().equals(current.suspendedFromKind())) {
                throw Problems.conflict("member-suspended", "A suspended member's kind changes only by reinstating it");
            }
            MemberData d = valid(input.over(current.data()));
            checkUnique(user.tenantId(), d, id);
            MemberOperator saved = save(current.with(d, clock.instant()));
            audit.record(user, "member.updated", "member", id, describe(saved));
            return saved;
        });
    }

    MemberOperator suspend(CurrentUser user, long id, @Nullable String reason) {
        user.require(Role.SECRETARIAT_ADMIN);
        String why = MemberRules.text(reason);
        if (why != null && why.length() > 500) {
            throw Problems.invalidField("reason", "must be at most 500 characters");
        }
        MemberOperator result = tx.executeWrite(status -> {
            MemberOperator current = visible(user, id);
            if (current.suspended()) {
                return current;
            }
            MemberOperator saved = members.update(current.suspend(why, clock.instant()));
            audit.record(user, "member.suspended", "member", id, why == null ? null : "reason=" + why);
            return saved;
        });
        suspended.forget(user.tenantId());
        return result;
    }

    MemberOperator reinstate(CurrentUser user, long id) {
        user.require(Role.SECRETARIAT_ADMIN);
        MemberOperator result = tx.executeWrite(status -> {
            MemberOperator current = visible(user, id);
            if (!current.suspended()) {
                return current;
            }
            MemberOperator saved = members.update(current.reinstate(clock.instant()));
            audit.record(user, "member.reinstated", "member", id, "membershipKind=" + saved.membershipKind());
            return saved;
        });
        suspended.forget(user.tenantId());
        return result;
    }

    static void requireSecretariat(CurrentUser user) {
        MemberProblems.requireCeptoarUser(user);
        user.require(Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF);
    }

    private MemberData valid(MemberCommands.MemberInput input) {
        MemberRules.Result r = rules.validate(input);
        if (!r.errors().isEmpty()) {
            throw Problems.invalidFields(r.errors());
        }
        return r.data();
    }

    void checkUnique(long tenantId, MemberData d, @Nullable Long self) {
        if (d.corporateNumber() != null) {
            members.findByTenantIdAndCorporateNumber(tenantId, d.corporateNumber())
                    .filter(m -> !m.id().equals(self))
                    .ifPresent(m -> {
                        throw MemberProblems.duplicate("corporateNumber",
                                "is already used by member " + m.id() + " (" + m.nameJa() + ") in this CEPTOAR");
                    });
        }
        if (d.localGovernmentCode() != null) {
            members.findByTenantIdAndLocalGovernmentCode(tenantId, d.localGovernmentCode())
                    .filter(m -> !m.id().equals(self))
                    .ifPresent(m -> {
                        throw MemberProblems.duplicate("localGovernmentCode",
                                "is already used by member " + m.id() + " (" + m.nameJa() + ") in this CEPTOAR");
                    });
        }
    }

    MemberOperator insert(MemberOperator m) {
        try {
            return members.save(m);
        } catch (DataAccessException e) {
            throw uniqueViolation(e);
        }
    }

    private MemberOperator save(MemberOperator m) {
        try {
            return members.update(m);
        } catch (DataAccessException e) {
            throw uniqueViolation(e);
        }
    }

    /** A concurrent insert won the race for a unique number: still a 409 naming the field. */
    private static RuntimeException uniqueViolation(DataAccessException e) {
        String msg = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
        if (msg.contains("uk_member_corporate_number")) {
            return MemberProblems.duplicate("corporateNumber", "is already used by another member in this CEPTOAR");
        }
        if (msg.contains("uk_member_local_government")) {
            return MemberProblems.duplicate("localGovernmentCode", "is already used by another member in this CEPTOAR");
        }
        return e;
    }

    static String describe(MemberOperator m) {
        return "nameJa=" + m.nameJa() + (m.corporateNumber() == null ? "" : " corporateNumber=" + m.corporateNumber())
                + (m.localGovernmentCode() == null ? "" : " localGovernmentCode=" + m.localGovernmentCode())
                + " sector=" + m.sectorCode() + " kind=" + m.membershipKind();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
