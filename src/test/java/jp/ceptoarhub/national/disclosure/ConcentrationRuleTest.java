package jp.ceptoarhub.national.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Naming providers (design note §2.8): a provider is named only when at least k company groups depend on it, no one
 * CEPTOAR's secretariat is left with fewer than k others, and no small sector depends on it to the last member.
 */
class ConcentrationRuleTest {
    private static final DisclosureParameters P = DisclosureParameters.defaults();

    /** 鉄道 30 members in their own company groups except RAIL-1..RAIL-3 (one group); 電力 25; 空港 4. */
    private static Fixtures population() {
        Fixtures f = new Fixtures().sector("RAIL", "鉄道").sector("POWER", "電力").sector("AIRPORTS", "空港")
                .question(Fixtures.single("Q", "yes", "no", "NA"));
        for (int i = 1; i <= 30; i++) {
            f.respondent("RAIL-" + i, "RAIL", i <= 3 ? "corp-rail-holdings" : null, Map.of("Q", List.of("yes")));
        }
        for (int i = 1; i <= 25; i++) {
            f.respondent("POWER-" + i, "POWER", null, Map.of("Q", List.of("no")));
        }
        for (int i = 1; i <= 4; i++) {
            f.respondent("AIRPORTS-" + i, "AIRPORTS", null, Map.of("Q", List.of("yes")));
        }
        return f;
    }

    private static Release.ConcentrationRelease cloud(Fixtures f, List<DependencyTable.Dependency> dependencies) {
        f.dependencyTables.add(new DependencyTable("cloud", "クラウドサービス提供者", "Cloud providers", "その他",
                "Other", dependencies));
        ReleaseRequest request = f.request("r1");
        return new DisclosureControl(P, 1).protect(request, List.of(), AuditScope.ALL_PROFILES).concentration()
                .getFirst();
    }

    private static List<DependencyTable.Dependency> uses(String item, String... members) {
        List<DependencyTable.Dependency> list = new ArrayList<>();
        for (String m : members) {
            list.add(new DependencyTable.Dependency(item, item + " Cloud", m));
        }
        return list;
    }

    @Test
    void aProviderOfOneMemberOrOfOneCompanyGroupIsNotNamed() {
        List<DependencyTable.Dependency> deps = new ArrayList<>();
        deps.addAll(uses("solo", "POWER-1"));
        deps.addAll(uses("captive", "RAIL-1", "RAIL-2", "RAIL-3"));
        deps.addAll(uses("wide", "RAIL-1", "RAIL-4", "RAIL-5", "RAIL-6", "RAIL-7", "RAIL-8", "POWER-2", "POWER-3",
                "POWER-4", "POWER-5", "POWER-6"));
        Release.ConcentrationRelease table = cloud(population(), deps);

        assertThat(table.items()).extracting(Release.NamedItem::itemId).containsExactly("wide");
        Release.NamedItem wide = table.items().getFirst();
        // 11 members in 11 company groups (RAIL-1 is its group's only customer of this provider), 2 sectors; either
        // secretariat subtracting its own customers is left with at least k = 5 groups
        assertThat(wide.units()).isEqualTo(Release.Count.of(11));
        assertThat(wide.members()).isEqualTo(Release.Count.of(11));
        assertThat(wide.sectors()).isEqualTo(Release.Count.of(2));
        assertThat(table.otherItems()).isEqualTo(2);
    }

    @Test
    void fiveMembersOfOneCompanyGroupCountAsOneUnit() {
        Fixtures f = population();
        Release.ConcentrationRelease table = cloud(f, uses("group", "RAIL-1", "RAIL-2", "RAIL-3", "POWER-1",
                "POWER-2", "POWER-3"));
        // RAIL-1..3 are one unit: 4 units < k
        assertThat(table.items()).isEmpty();
        assertThat(table.otherItems()).isEqualTo(1);
    }

    @Test
    void aProviderNamedOnlyThroughOneCeptoarOfFourOthersIsNotNamed() {
        // 9 railways and 4 power companies: the railway secretariat subtracting its own is left with 4 (INSIDER)
        Release.ConcentrationRelease table = cloud(population(), uses("insider", "RAIL-4", "RAIL-5", "RAIL-6",
                "RAIL-7", "RAIL-8", "RAIL-9", "RAIL-10", "RAIL-11", "RAIL-12", "POWER-1", "POWER-2", "POWER-3",
                "POWER-4"));
        assertThat(table.items()).isEmpty();
    }

    @Test
    void aProviderEverySmallSectorMemberDependsOnIsNotNamed() {
        // all 4 airports (a sector of fewer than G = 20) use it: naming it says "every airport uses X"
        Release.ConcentrationRelease table = cloud(population(), uses("all-airports", "AIRPORTS-1", "AIRPORTS-2",
                "AIRPORTS-3", "AIRPORTS-4", "RAIL-4", "RAIL-5", "RAIL-6", "RAIL-7", "RAIL-8", "POWER-1", "POWER-2",
                "POWER-3", "POWER-4", "POWER-5"));
        assertThat(table.items()).isEmpty();
    }

    @Test
    void aNamedProviderWhoseCustomersChangedByOneShowsItsCountsSuppressed() {
        List<DependencyTable.Dependency> before = uses("wide", "RAIL-4", "RAIL-5", "RAIL-6", "RAIL-7", "RAIL-8",
                "POWER-1", "POWER-2", "POWER-3", "POWER-4", "POWER-5");
        Fixtures f1 = population();
        f1.dependencyTables.add(new DependencyTable("cloud", "クラウド", "Cloud", "その他", "Other", before));
        ReleaseRequest first = f1.request("r1");
        Release firstRelease = new DisclosureControl(P, 1).protect(first, List.of(), AuditScope.ALL_PROFILES);
        assertThat(firstRelease.concentration().getFirst().items().getFirst().members())
                .isEqualTo(Release.Count.of(10));

        List<DependencyTable.Dependency> after = new ArrayList<>(before);
        after.addAll(uses("wide", "RAIL-9"));
        Fixtures f2 = population();
        f2.dependencyTables.add(new DependencyTable("cloud", "クラウド", "Cloud", "その他", "Other", after));
        Release second = new DisclosureControl(P, 1).protect(f2.request("r2"),
                List.of(new PriorRelease(first, firstRelease)), AuditScope.ALL_PROFILES);
        Release.NamedItem wide = second.concentration().getFirst().items().getFirst();
        assertThat(wide.members().suppressed()).isTrue();
        assertThat(wide.units().suppressed()).isTrue();
        assertThat(second.audit().unnamedItems()).anySatisfy(s -> assertThat(s).contains("TEMPORAL"));
    }
}
