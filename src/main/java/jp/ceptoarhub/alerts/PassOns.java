package jp.ceptoarhub.alerts;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pass-on (展開) of a received alert, keeping its number: a CEPTOAR's secretariat passes it to its members
 * (「情報提供受領・事業者展開」, 図６), a ministry to the CEPTOARs of its sectors (「情報共有範囲に従いセプター事務局、
 * 事業者へ展開」). The rule is the label's (decisions §1): never TLP:RED; AMBER+STRICT and AMBER only to organisations
 * of the sectors the alert addresses; GREEN and CLEAR to any organisation the passer may address. A pass-on keeps or
 * narrows the label it received — the copies it grants are read under that label even if the originator later
 * widens the alert — and reaches only organisations not reached yet.
 */
@Singleton
class PassOns {
    private final AlertReads reads;
    private final AlertStore store;
    private final Audiences audiences;
    private final FanOut fanOut;
    private final Acknowledgements acknowledgements;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;

    PassOns(AlertReads reads, AlertStore store, Audiences audiences, FanOut fanOut, Acknowledgements acknowledgements,
            AuditService audit, TransactionOperations<Connection> tx) {
        this.reads = reads;
        this.store = store;
        this.audiences = audiences;
        this.fanOut = fanOut;
        this.acknowledgements = acknowledgements;
        this.audit = audit;
        this.tx = tx;
    }

    AlertService.Outcome passOn(Viewer v, long id, AlertCommands.PassOn cmd, boolean dryRun) {
        return tx.executeWrite(s -> {
            AlertRow a = reads.find(v, id).filter(AlertRow::sent).orElseThrow(() -> Problems.notFound("Alert " + id));
            if (a.viewerIsOrigin()) {
                throw Problems.conflict("originator-adds-recipients", "You originated alert " + a.number()
                        + "; address more recipients with POST /api/v1/alerts/" + id + "/recipients");
            }
            if (!v.passer()) {
                throw Problems.forbidden("Alerts are passed on by a CEPTOAR's secretariat and by ministry officers");
            }
            boolean addressed = acknowledgements.lockGrants(v, id).stream().anyMatch(g -> "ORG".equals(g.addressed()));
            if (!addressed) {
                throw Problems.forbidden("Only an organisation the alert was addressed to passes it on");
            }
            Tlp received = a.effectiveTlp();
            if (received == Tlp.RED) {
                throw Problems.conflict("pass-on-not-allowed", "TLP:RED is not passed on; only its originator adds "
                        + "named users");
            }
            Tlp tlp = cmd.tlp() == null ? received : AlertRules.tlp(cmd.tlp(), "tlp");
            if (received.narrowerThan(tlp)) {
                throw Problems.invalidField("tlp", "must keep or narrow the label you received (" + received.labelEn()
                        + "); only the originator widens a label");
            }
            if (tlp == Tlp.RED) {
                throw Problems.invalidField("tlp", "a pass-on cannot narrow to TLP:RED: RED is read only by users the "
                        + "originator names");
            }
            List<AudienceRule> rules = audiences.parse(cmd.audience(), v.org().kind() == OrgRef.Kind.SECRETARIAT
                    ? Audiences.Scope.SECRETARIAT_PASS_ON : Audiences.Scope.MINISTRY_PASS_ON);
            Audiences.Resolution res = audiences.resolvePassOn(v, tlp, store.sectors(a.tenantId(), a.id()), rules);
            Set<String> reached = new HashSet<>();
            for (long tenantId : res.targets().stream().map(Audiences.Target::tenantId).distinct().toList()) {
                fanOut.reached(tenantId, id).forEach(key -> reached.add(tenantId + ":" + key));
            }
            List<Audiences.Target> fresh = new ArrayList<>();
            for (Audiences.Target t : res.targets()) {
                if (!reached.contains(t.tenantId() + ":" + t.org().kind() + ":" + t.org().id())) {
                    fresh.add(t);
                }
            }
            Audiences.Resolution reach = new Audiences.Resolution(fresh, List.of(), res.sectors(), res.recipientsLine(),
                    res.excluded());
            int readers = audiences.readers(reach, tlp);
            int already = res.targets().size() - fresh.size();
            if (dryRun) {
                return new AlertService.Outcome(a, fresh.size(), readers, already, res.excluded(), res.recipientsLine(),
                        true, null);
            }
            long passOnId = store.insertPassOn(v.tenantId(), id, a.tenantId(), v.org(), tlp, v.userId(), v.name());
            store.insertRules(v.tenantId(), id, passOnId, rules, false);
            fanOut.grant(id, a.tenantId(), passOnId, tlp, fresh);
            audit.record(v.tenantId(), v.actor(), "alert.passed-on", "alert", id, "number=" + a.number() + " passOn="
                    + passOnId + " tlp=" + tlp.name() + " organisations=" + fresh.size() + " readers=" + readers);
            return new AlertService.Outcome(a, fresh.size(), readers, already, res.excluded(), res.recipientsLine(),
                    false, passOnId);
        });
    }
}
