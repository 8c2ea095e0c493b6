package jp.ceptoarhub.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.annotation.MappedEntity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Package-by-feature rules: the package ladder, features that reach each other only through an SPI in
 * {@code records}, and a feature's data reached only through that feature's services. No frozen exceptions.
 */
class ArchitectureTest {
    private static final String ROOT = "jp.ceptoarhub";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    /**
     * The ladder, bottom first. A package may depend on packages of lower rungs only: never on a package of its
     * own rung (siblings such as two record types talk through an SPI in {@code records}), never upwards. A new
     * package must be placed here before it compiles into a passing build.
     */
    static final List<List<String>> LADDER = List.of(
            List.of("api"),
            List.of("caller"),
            List.of("audit", "records", "reference", "numbering"),
            List.of("identity"),
            List.of("tenancy"),
            List.of("members"),
            List.of("contacts", "suppliers", "cloud", "services", "continuity", "selfassessment"),
            List.of("notify"),
            List.of("alerts", "drills", "reports"),
            List.of("national"),
            List.of("web"));

    private static final Map<String, Integer> RUNG = new LinkedHashMap<>();

    static {
        for (int i = 0; i < LADDER.size(); i++) {
            for (String p : LADDER.get(i)) {
                RUNG.put(p, i);
            }
        }
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyPackageDependsOnlyOnLowerRungsOfTheLadder() {
        classes().that().resideInAPackage(ROOT + ".*..")
                .should(new ArchCondition<>("depend only on packages of lower rungs of the ladder") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        String from = feature(c);
                        Integer fromRung = RUNG.get(from);
                        if (fromRung == null) {
                            events.add(SimpleConditionEvent.violated(c, "package " + ROOT + "." + from
                                    + " is not on the ladder (ArchitectureTest.LADDER): place it there"));
                            return;
                        }
                        for (Dependency d : c.getDirectDependenciesFromSelf()) {
                            String to = feature(d.getTargetClass());
                            if (to == null || to.equals(from)) {
                                continue;
                            }
                            Integer toRung = RUNG.get(to);
                            if (toRung == null || toRung >= fromRung) {
                                events.add(SimpleConditionEvent.violated(d, from + " → " + to + " is not down the "
                                        + "ladder: " + d.getDescription()));
                            }
                        }
                    }
                })
                .check(CLASSES);
    }

    @Test
    void sharedContractDependsOnNoFeature() {
        // api is the HTTP contract, caller who is calling, records the SPI record types share: they sit below
        // every feature, whichever features are added later.
        noClasses().that().resideInAPackage(ROOT + ".api..")
                .should().dependOnClassesThat(outside(ROOT + ".api"))
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".caller..")
                .should().dependOnClassesThat(outside(ROOT + ".api", ROOT + ".caller"))
                .check(CLASSES);
        noClasses().that().resideInAPackage(ROOT + ".records..")
                .should().dependOnClassesThat(outside(ROOT + ".api", ROOT + ".caller", ROOT + ".records"))
                .check(CLASSES);
    }

    @Test
    void persistenceEntitiesStayInsideTheirFeature() {
        classes().that().areAnnotatedWith(MappedEntity.class).should().notBePublic()
                .because("other features see a feature's data through its service and public value records")
                .check(CLASSES);
        classes().that().areAnnotatedWith(MappedEntity.class).should(beUsedOnlyInsideTheirOwnPackage())
                .check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnFeature() {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(CLASSES);
        classes().that().haveSimpleNameEndingWith("Repository").should(beUsedOnlyInsideTheirOwnPackage())
                .check(CLASSES);
    }

    @Test
    void controllersDoNotTalkToTheDatabaseDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.data.jdbc.runtime.JdbcOperations")
                .check(CLASSES);
    }

    /** SQL that names one of the alert tables (alert, alert_recipient_org, alert_attachment, …). */
    static final Pattern ALERT_TABLE_SQL = Pattern.compile(
            "(?i)\\b(from|join|into|update|table)\\s+`?alert(_[a-z_]+)?`?(\\s|$|,|\\))");

    /**
     * Alerts are read only through their visibility predicate (decisions §1), so no other package may touch their
     * tables: no SQL naming them and no persistence entity mapped to them. The SQL is found in the class files'
     * constant pools.
     */
    @Test
    void nothingOutsideAlertsReadsTheAlertTables() {
        classes().that().resideOutsideOfPackage(ROOT + ".alerts..")
                .should(new ArchCondition<>("not name the alert tables in SQL or entity mappings") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (String s : constants(c)) {
                            if (ALERT_TABLE_SQL.matcher(s).find()) {
                                events.add(SimpleConditionEvent.violated(c, c.getName() + " has SQL on an alert table: " + s));
                            }
                        }
                        c.tryGetAnnotationOfType(MappedEntity.class).map(MappedEntity::value)
                                .filter(table -> table.startsWith("alert"))
                                .ifPresent(table -> events.add(SimpleConditionEvent.violated(c,
                                        c.getName() + " maps the alert table " + table)));
                    }
                })
                .check(CLASSES);
    }

    @Test
    void theAlertTableDetectorFindsTheAlertsPackagesOwnSql() {
        // The rule above must be able to fail: the queries of jp.ceptoarhub.alerts are what it looks for.
        JavaClass reads = CLASSES.get(ROOT + ".alerts.AlertReads");
        assertThat(constants(reads).stream().anyMatch(s -> ALERT_TABLE_SQL.matcher(s).find())).isTrue();
        assertThat(ALERT_TABLE_SQL.matcher("SELECT id FROM member_operator WHERE alert = 1").find()).isFalse();
    }

    /** The UTF-8 constants of a class file (string literals, names, annotation values). */
    private static List<String> constants(JavaClass c) {
        try (InputStream in = c.getSource().orElseThrow().getUri().toURL().openStream()) {
            ClassModel model = ClassFile.of().parse(in.readAllBytes());
            List<String> out = new ArrayList<>();
            for (PoolEntry e : model.constantPool()) {
                if (e instanceof Utf8Entry utf8) {
                    out.add(utf8.stringValue());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first package segment under the root ({@code members} for jp.ceptoarhub.members.x), or null outside. */
    private static String feature(JavaClass c) {
        String p = c.getPackageName();
        if (!p.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = p.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DescribedPredicate<JavaClass> outside(String... packages) {
        return new DescribedPredicate<>("project classes outside " + List.of(packages)) {
            @Override
            public boolean test(JavaClass c) {
                if (!c.getPackageName().startsWith(ROOT + ".")) {
                    return false;
                }
                for (String p : packages) {
                    if (c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")) {
                        return false;
                    }
                }
                return true;
            }
        };
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirOwnPackage() {
        return new ArchCondition<>("be used only inside their own package") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                for (Dependency d : target.getDirectDependenciesToSelf()) {
                    if (!d.getOriginClass().getPackageName().equals(target.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
