package dev.scopekeeper.entities.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.api.ApiClient;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.entities.api.EntityEndpoints.Endpoint;
import dev.scopekeeper.entities.api.EntityFixtures.Fixture;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of {@link EntityEndpoints} over real HTTP: the happy path, 401 without a token, 404 for an
 * outsider and for another domain's ids, 403 (or success for reads) for a viewer; and the table against the
 * controllers, so a new endpoint cannot go untested.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntityEndpointsApiTest {

    @Autowired
    ApiClient api;

    @Autowired
    TestUsers testUsers;

    @Autowired
    EntityFixtures fixtures;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    UserProfile owner;
    UserProfile viewer;
    String ownerToken;
    String viewerToken;
    String outsiderToken;
    /** Only for calls that change nothing. */
    Fixture shared;

    Fixture foreign;

    @BeforeAll
    void setUp() {
        owner = testUsers.create("owner", PlatformRole.ADMIN);
        viewer = testUsers.create("viewer", PlatformRole.USER);
        ownerToken = api.accessToken(owner);
        viewerToken = api.accessToken(viewer);
        outsiderToken = api.accessToken(testUsers.create("outsider", PlatformRole.USER));
        shared = fixtures.create(owner, viewer);
        foreign = fixtures.create(owner, viewer);
    }

    static Stream<Endpoint> endpoints() {
        return EntityEndpoints.all();
    }

    static Stream<Endpoint> domainBoundEndpoints() {
        return EntityEndpoints.domainBound();
    }

    /** The domain-bound endpoints with an id of their own in the path, which another domain's id can replace. */
    static Stream<Endpoint> endpointsWithAnIdOfAnotherDomain() {
        return EntityEndpoints.domainBound().filter(endpoint -> expectedNotFound(endpoint) != null);
    }

    Response call(Endpoint endpoint, String path, String token, Fixture fixture) {
        return api.send(endpoint.method(), path, token, endpoint.body(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aDomainAdminCanCallEveryEndpoint(Endpoint endpoint) {
        Fixture fixture = fixtures.create(owner, viewer);

        Response response = call(endpoint, endpoint.path(fixture), ownerToken, fixture);

        assertThat(response.status()).as(response.body()).isEqualTo(endpoint.status());
        if (endpoint.status() == 204) {
            assertThat(response.body()).isEmpty();
        } else {
            assertThat(response.contentType()).startsWith("application/json");
            endpoint.shape().assertMatches(response.json());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void everyEndpointNeedsAToken(Endpoint endpoint) {
        Response response = call(endpoint, endpoint.path(shared), null, shared)
                .assertProblem(401, Messages.get("api.auth.required"));

        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aGarbledTokenIsRefused(Endpoint endpoint) {
        call(endpoint, endpoint.path(shared), ownerToken + "x", shared)
                .assertProblem(401, Messages.get("api.auth.invalidToken"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainBoundEndpoints")
    void aDomainIsInvisibleToNonMembers(Endpoint endpoint) {
        call(endpoint, endpoint.path(shared), outsiderToken, shared)
                .assertProblem(404, Messages.get("domain.notFound"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithAnIdOfAnotherDomain")
    void anotherDomainsIdsAreNotFound(Endpoint endpoint) {
        String detail = expectedNotFound(endpoint);

        call(endpoint, endpoint.path(shared, foreign), ownerToken, shared).assertProblem(404, detail);
    }

    private static String expectedNotFound(Endpoint endpoint) {
        String template = endpoint.pattern();
        if (template.contains("{id}")) {
            return Messages.get(endpoint.operation().entityType().wireName() + ".notFound");
        }
        if (template.contains("{invitationId}")) {
            return Messages.get("invitation.notFound");
        }
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aViewerMayOnlyReadAndIsToldWhichRoleAChangeNeeds(Endpoint endpoint) {
        Operation op = endpoint.operation();

        Response response = call(endpoint, endpoint.path(shared), viewerToken, shared);

        if (op.isPlatformAdminOnly()) {
            response.assertProblem(
                    403,
                    Messages.get("access.platformAdminOnly", op.entityType().wireName(), op.wireName()));
        } else if (!DomainRole.VIEWER.atLeast(op.minimumRole())) {
            response.assertProblem(
                    403,
                    Messages.get(
                            "access.roleTooLow",
                            op.entityType().wireName(),
                            op.wireName(),
                            op.minimumRole().wireName()));
        } else {
            assertThat(response.status()).as(response.body()).isEqualTo(endpoint.status());
            endpoint.shape().assertMatches(response.json());
        }
    }

    @Test
    void theTableListsExactlyTheAnnotatedEndpoints() {
        Set<String> annotated = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            RequiresOperation required = handler.getMethodAnnotation(RequiresOperation.class);
            String pattern = info.getPatternValues().iterator().next();
            if (required != null) {
                info.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> annotated.add(method + " " + pattern + " " + required.value()));
            } else if (!pattern.startsWith("/api/v1/domains/{domainId}/pats")) {
                // the domain admins' token oversight is not a catalogue operation (and refuses PATs)
                assertThat(pattern)
                        .as(handler + " acts inside a domain, so it declares its operation")
                        .doesNotStartWith("/api/v1/domains");
            }
        });
        Set<String> table = EntityEndpoints.all()
                .map(e -> e.method() + " " + e.pattern() + " " + e.operation())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(table).isEqualTo(annotated);
    }

    @Test
    void everyOperationOfTheCatalogueHasAnEndpoint() {
        Set<Operation> covered = EntityEndpoints.all()
                .map(Endpoint::operation)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Operation.class)));

        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Operation.values()));
    }
}
