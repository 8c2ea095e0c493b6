package jp.ceptoarhub.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package-by-feature rules: a feature's data is reached only through that feature's services. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.ceptoarhub");

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnFeature() {
        ArchRule rule = classes().that().haveSimpleNameEndingWith("Repository")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("be accessed only from their own package") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass repository,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        repository.getAccessesToSelf().forEach(access -> {
                            String from = access.getOriginOwner().getPackageName();
                            if (!from.equals(repository.getPackageName())) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(access,
                                        access.getDescription()));
                            }
                        });
                        repository.getDirectDependenciesToSelf().forEach(dependency -> {
                            if (!dependency.getOriginClass().getPackageName().equals(repository.getPackageName())
                                    && !dependency.getOriginClass().getName().contains("$")) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(dependency,
                                        dependency.getDescription()));
                            }
                        });
                    }
                });
        rule.check(CLASSES);
    }

    @Test
    void controllersDoNotTalkToTheDatabaseDirectly() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.data.jdbc.runtime.JdbcOperations")
                .check(CLASSES);
    }

    @Test
    void sharedHttpContractDoesNotDependOnFeatures() {
        noClasses().that().resideInAnyPackage("jp.ceptoarhub.api..", "jp.ceptoarhub.records..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.ceptoarhub.tenancy..", "jp.ceptoarhub.identity..",
                        "jp.ceptoarhub.audit..", "jp.ceptoarhub.reference..", "jp.ceptoarhub.members..",
                        "jp.ceptoarhub.contacts..", "jp.ceptoarhub.continuity..")
                .check(CLASSES);
    }
}
