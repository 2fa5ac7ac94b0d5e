package fr.capemploi.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The dependency rules every service keeps (DESIGN.md, "Inside a service"), checked on its compiled classes by its
 * {@code ArchitectureTest}:
 * <ul>
 * <li>the domain knows nothing of the web: neither JAX-RS / RESTEasy / Vert.x HTTP types nor the platform's HTTP
 * types ({@code platform.rest}, the problem+json body and its mappers, rate limits, idempotent answers, metrics);</li>
 * <li>a service never imports another service's classes (they talk through events and HTTP only);</li>
 * <li>dependencies go {@code rest → service → domain}: nothing depends on {@code rest}, only {@code rest} and
 * {@code messaging} use {@code service}, and the domain depends on no other layer;</li>
 * <li>no native query is read with a result class ({@link #noNativeQueryWithAResultClass()}: one more plan cached per
 * call).</li>
 * </ul>
 * Allowed on purpose, and said here so that nobody has to guess: the platform's state exceptions
 * ({@code platform.problem.*Exception}: {@code ConflictException}, {@code ResourceNotFoundException}, ...) are
 * plain {@link RuntimeException}s the domain throws, except {@code InvalidFieldException}, which names a request field:
 * a broken rule is a {@code platform.domain.RuleViolation} naming the aggregate's attribute; their mapping to HTTP lives in {@code ProblemMappers}, which the
 * domain may not see ({@link #problemExceptionsAreFreeOfTheWeb()} keeps them so). {@code platform.rest.Page}, a plain
 * record, is the service layer's result type for lists.
 */
public final class ArchitectureRules {

    /** The four services; each one's classes live under {@code fr.capemploi.<name>}. */
    public static final List<String> SERVICES = List.of("beneficiary", "cep", "cpf", "reporting");

    /** The web as far as a domain class is concerned. */
    static final DescribedPredicate<JavaClass> HTTP_TYPES = resideInAnyPackage(
            "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", "io.quarkus.vertx.http..", "io.quarkus.resteasy..",
            "io.quarkus.rest..", "org.eclipse.microprofile.rest.client..", "org.eclipse.microprofile.openapi..",
            "io.smallrye.jwt..", "org.eclipse.microprofile.jwt..",
            "fr.capemploi.platform.rest..", "fr.capemploi.platform.ratelimit..", "fr.capemploi.platform.idempotency..",
            "fr.capemploi.platform.metrics..")
            .or(resideInAPackage("fr.capemploi.platform.problem").and(not(simpleNameEndingWith("Exception"))))
            // a request field at fault is the rest layer's words; an aggregate raises platform.domain.RuleViolation
            .or(JavaClass.Predicates.simpleName("InvalidFieldException")
                    .and(resideInAPackage("fr.capemploi.platform.problem")))
            .as("are JAX-RS, RESTEasy, Vert.x HTTP, REST client, OpenAPI or JWT types, or the platform's HTTP types "
                    + "(platform.rest, platform.problem except its *Exception classes, InvalidFieldException included, "
                    + "ratelimit, idempotency, metrics)");

    private ArchitectureRules() {
    }

    /** Domain packages import neither REST nor the platform's HTTP types. */
    public static ArchRule domainIsFreeOfTheWeb() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat(HTTP_TYPES)
                .because("the domain states rules; turning them into HTTP answers is the rest layer's and the "
                        + "platform's mappers' job");
    }

    /** A service's classes never depend on another service's classes. */
    public static ArchRule servicesAreIndependent() {
        return classes().that().resideInAnyPackage(SERVICES.stream().map(s -> "fr.capemploi." + s + "..")
                        .toArray(String[]::new))
                .should(notDependOnAnotherService())
                .because("services share nothing but event contracts (events) and the platform");
    }

    /**
     * {@code rest → service → domain}: resources are the outer layer, use cases the middle, the domain the core.
     * {@code rest.client} (cep's REST client of beneficiary-service) is an outbound adapter the service layer calls,
     * not a resource: it is a layer of its own.
     */
    public static ArchRule layersGoRestToServiceToDomain(String service) {
        String root = "fr.capemploi." + service;
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Rest").definedBy(resideInAPackage(root + ".rest..")
                        .and(not(resideInAPackage(root + ".rest.client.."))).as(root + ".rest.. (not rest.client)"))
                .layer("RestClient").definedBy(root + ".rest.client..")
                .layer("Service").definedBy(root + ".service..")
                .layer("Messaging").definedBy(root + ".messaging..")
                .layer("Repository").definedBy(root + ".repository..")
                .layer("Domain").definedBy(root + ".domain..")
                .whereLayer("Rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("RestClient").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Rest", "Messaging")
                .whereLayer("Messaging").mayOnlyBeAccessedByLayers("Rest", "Service")
                .whereLayer("Repository").mayOnlyBeAccessedByLayers("Rest", "Service", "Messaging")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("Rest", "Service", "Messaging", "Repository",
                        "RestClient")
                .allowEmptyShould(true);
    }

    /** What the services' domains may use from {@code platform.problem} stays free of HTTP types. */
    public static ArchRule problemExceptionsAreFreeOfTheWeb() {
        return noClasses().that().resideInAPackage("fr.capemploi.platform.problem")
                .and().haveSimpleNameEndingWith("Exception")
                .should().dependOnClassesThat(HTTP_TYPES)
                .because("the services' domains throw them (ArchitectureRules.domainIsFreeOfTheWeb allows them)");
    }

    /** The platform is shared by the four services and knows none of them. */
    public static ArchRule platformKnowsNoService() {
        return noClasses().that().resideInAPackage("fr.capemploi.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().map(s -> "fr.capemploi." + s + "..")
                        .toArray(String[]::new));
    }

    /**
     * No native query with a result class ({@code createNativeQuery(sql, X.class)}): Hibernate 7.2 keys a native
     * query's plan by the SQL's hash and compares the result mappings, and the mapping a result class that is not an
     * entity makes is equal only to itself, so every call adds a plan to one bin of the session factory's cache (2,048
     * at most, the other queries' plans pushed out) and compares itself with all of them: cep-service's hottest frame in
     * the demo (bench/JOURNAL.md, 2026-12-07). Read the column as the scalar the driver gives
     * ({@code createNativeQuery(sql)}: a {@code uuid} is a UUID, a {@code bigint} a Long), an entity by HQL or
     * {@code find}.
     */
    public static ArchRule noNativeQueryWithAResultClass() {
        return noClasses().should().callMethodWhere(DescribedPredicate.describe(
                        "createNativeQuery with a result class", ArchitectureRules::isNativeQueryWithAResultClass))
                .because("each such call adds one more plan to Hibernate's plan cache and compares itself with all "
                        + "of them");
    }

    private static boolean isNativeQueryWithAResultClass(JavaMethodCall call) {
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        return call.getTarget().getName().equals("createNativeQuery") && parameters.size() >= 2
                && parameters.get(1).isEquivalentTo(Class.class);
    }

    private static ArchCondition<JavaClass> notDependOnAnotherService() {
        return new ArchCondition<>("not depend on another service's classes") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = serviceOf(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    String target = serviceOf(dependency.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String serviceOf(String packageName) {
        for (String service : SERVICES) {
            String root = "fr.capemploi." + service;
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return service;
            }
        }
        return null;
    }
}
