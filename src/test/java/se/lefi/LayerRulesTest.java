package se.lefi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules, checked on the production classes in every build rather than hoped for: the domain
 * depends on nothing of ours; the layers are only used from above (interfaces, application,
 * infrastructure, domain); the types generated from the contracts stay in the SOAP interface that owns
 * them; and no two layers, nor two features of the application, depend on each other in a cycle. (The
 * domain's features still do: access,
 * party, register and subscription share Purpose, RefusalCode and the question; see issue 18.)
 */
@AnalyzeClasses(packages = "se.lefi", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule theDomainDependsOnNothingOfOurs = noClasses().that().resideInAPackage("se.lefi.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("se.lefi.application..", "se.lefi.infrastructure..",
                    "se.lefi.interfaces..", "se.lefi.contract..");

    @ArchTest
    static final ArchRule layersAreUsedFromAboveOnly = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Interfaces").definedBy("se.lefi.interfaces..")
            .layer("Application").definedBy("se.lefi.application..")
            .layer("Infrastructure").definedBy("se.lefi.infrastructure..")
            .layer("Domain").definedBy("se.lefi.domain..")
            .whereLayer("Interfaces").mayNotBeAccessedByAnyLayer()
            .whereLayer("Application").mayOnlyBeAccessedByLayers("Interfaces")
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Application", "Interfaces");

    /**
     * Subscriptions are stored, and pushed, behind the interfaces the domain owns (Subscriptions,
     * Notifications, PushLeases, NotificationPush, ...): the adapters above reach them through the
     * application, and get domain objects, never rows or stored JSON.
     */
    @ArchTest
    static final ArchRule subscriptionStoresAndPushAreReachedThroughTheDomainsInterfaces = noClasses()
            .that().resideInAnyPackage("se.lefi.interfaces..", "se.lefi.application..")
            .should().dependOnClassesThat().resideInAnyPackage("se.lefi.infrastructure.subscription..", "se.lefi.infrastructure.push..");

    @ArchTest
    static final ArchRule contractTypesStayInTheSoapInterface = noClasses()
            .that().resideOutsideOfPackages("se.lefi.interfaces.soap..", "se.lefi.contract..")
            .should().dependOnClassesThat().resideInAPackage("se.lefi.contract..");

    @ArchTest
    static final ArchRule noCyclesBetweenLayers = slices().matching("se.lefi.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenApplicationFeatures = slices().matching("se.lefi.application.(*)..").should().beFreeOfCycles();
}
