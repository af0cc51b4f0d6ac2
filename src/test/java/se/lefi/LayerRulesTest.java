package se.lefi;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules, checked on the production classes in every build rather than hoped for: the domain
 * depends on nothing of ours; each layer is used only by the one above it (interfaces use the application,
 * the application uses infrastructure, all use the domain); the types generated from the contracts stay in the
 * SOAP interface that owns them; the product never uses the development tooling; and no two layers, nor two
 * features of the application or of the domain, depend on each other in a cycle.
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
            .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Application")
            // The one exception: bin/lefi's configuration lookup runs before any server and reads the same
            // ConfigSource the server does, so that the precedence of file, environment and -D is written once.
            .ignoreDependency(resideInAPackage("se.lefi.interfaces.cli.."), resideInAPackage("se.lefi.infrastructure.config.."));

    /** Development tooling (src/dev) may use the product; the product never uses it, so its WAR can leave it out. */
    @ArchTest
    static final ArchRule theProductDoesNotUseDevelopmentTooling = noClasses().that().resideOutsideOfPackage("se.lefi.dev..")
            .should().dependOnClassesThat().resideInAPackage("se.lefi.dev..");

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

    @ArchTest
    static final ArchRule noCyclesBetweenDomainFeatures = slices().matching("se.lefi.domain.(*)..").should().beFreeOfCycles();
}
