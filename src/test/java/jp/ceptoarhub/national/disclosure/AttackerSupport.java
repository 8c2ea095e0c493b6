package jp.ceptoarhub.national.disclosure;

import jp.ceptoarhub.national.disclosure.attack.IndependentAttacker;

import java.util.List;

/** Hands a release and its snapshot to the independent attacker: the published JSON and the public membership. */
final class AttackerSupport {
    private AttackerSupport() {
    }

    static IndependentAttacker.Snapshot snapshot(Release release, ReleaseRequest request) {
        List<IndependentAttacker.Member> members = request.population().respondents().stream()
                .map(r -> new IndependentAttacker.Member(r.id(), r.groupId(), r.unitId(), r.bands())).toList();
        return new IndependentAttacker.Snapshot(release.json(), members, request.answers());
    }

    static IndependentAttacker attacker(DisclosureParameters p, Release release, ReleaseRequest request,
                                        List<PriorRelease> priors) {
        return new IndependentAttacker(new IndependentAttacker.Rules(p.k(), p.groupMinimum(), p.intervalMinimum(),
                p.intervalFraction()), snapshot(release, request),
                priors.stream().map(pr -> snapshot(pr.release(), pr.request())).toList());
    }
}
