package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.MutableClock;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.api.EntityEndpoints;
import dev.scopekeeper.entities.api.EntityEndpoints.Endpoint;
import dev.scopekeeper.entities.api.EntityFixtures;
import dev.scopekeeper.entities.api.EntityFixtures.Fixture;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorization rule over real HTTP: every entity endpoint of {@link EntityEndpoints} × every way
 * a PAT can be wrong (or right) → the status the API must answer.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatAuthorizationMatrixTest extends ApiTestBase {

    enum Case {
        NO_TOKEN,
        MALFORMED,
        BAD_CHECKSUM,
        UNKNOWN,
        EXPIRED,
        REVOKED,
        REGENERATED_OLD_SECRET,
        WRONG_DOMAIN,
        MISSING_OPERATION,
        WRONG_ENTITY,
        OWNER_DEMOTED_TO_VIEWER,
        OWNER_DISABLED,
        VALID
    }

    @Autowired
    EntityFixtures fixtures;

    @Autowired
    PatService pats;

    @Autowired
    MemberService members;

    @Autowired
    ClientService clients;

    @Autowired
    ChannelService channels;

    @Autowired
    MutableClock clock;

    UserProfile creator;
    UserProfile viewer;
    UserProfile alice;
    Fixture shared;
    Fixture foreign;
    final java.util.Map<Case, String> tokens = new java.util.EnumMap<>(Case.class);
    String onlyClientsView;
    String onlyChannelsView;

    @BeforeAll
    void tokensForEveryCase() {
        creator = users.create("creator", PlatformRole.ADMIN);
        viewer = users.create("viewer", PlatformRole.USER);
        alice = users.create("alice", PlatformRole.USER);
        shared = fixtures.create(creator, viewer);
        foreign = fixtures.create(creator, viewer);
        addAdmin(shared, alice);
        addAdmin(foreign, alice);

        String valid = pat(alice, full(shared), PatDuration.days(7));
        tokens.put(Case.VALID, valid);
        tokens.put(Case.MALFORMED, "pat_not-a-token");
        tokens.put(Case.BAD_CHECKSUM, valid.substring(0, 41) + (valid.endsWith("A") ? "B" : "A"));
        tokens.put(Case.UNKNOWN, new PatTokens(null).generate());
        clock.advance(Duration.ofDays(-3));
        tokens.put(Case.EXPIRED, pat(alice, full(shared), PatDuration.days(1)));
        clock.reset();
        tokens.put(Case.REVOKED, patThen(alice, full(shared), pats::revoke));
        String[] old = new String[1];
        patThen(
                alice,
                full(shared),
                id -> {
                    pats.regenerate(id, PatDuration.days(7));
                    return null;
                },
                old);
        tokens.put(Case.REGENERATED_OLD_SECRET, old[0]);
        tokens.put(Case.WRONG_DOMAIN, pat(alice, full(foreign), PatDuration.days(7)));
        onlyClientsView = pat(alice, List.of(scope(shared, "clients", "view", "*")), PatDuration.days(7));
        onlyChannelsView = pat(alice, List.of(scope(shared, "channels", "view", "*")), PatDuration.days(7));
        tokens.put(Case.WRONG_ENTITY, pat(alice, otherEntities(shared), PatDuration.days(7)));

        UserProfile bob = users.create("bob", PlatformRole.USER);
        addAdmin(shared, bob);
        tokens.put(Case.OWNER_DEMOTED_TO_VIEWER, pat(bob, full(shared), PatDuration.days(7)));
        domains.as(creator, () -> members.addMember(shared.domainId(), bob.id(), DomainRole.VIEWER));

        UserProfile carol = users.create("carol", PlatformRole.USER);
        addAdmin(shared, carol);
        tokens.put(Case.OWNER_DISABLED, pat(carol, full(shared), PatDuration.days(7)));
        users.setEnabled(carol.id(), false);
        tokens.put(Case.NO_TOKEN, null);
    }

    static Stream<Arguments> matrix() {
        return EntityEndpoints.domainBound().flatMap(endpoint -> Arrays.stream(Case.values())
                .filter(c -> c != Case.WRONG_ENTITY || hasEntity(endpoint))
                .map(c -> Arguments.of(endpoint, c)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("matrix")
    void theApiAnswersAsTheAuthorizationRuleSays(Endpoint endpoint, Case c) {
        Fixture fixture = shared;
        String token = tokens.get(c);
        if (c == Case.MISSING_OPERATION) {
            token = endpoint.operation().wireName().equals("view")
                            && endpoint.operation().entityType() == EntityType.CLIENTS
                    ? onlyChannelsView
                    : onlyClientsView;
        }
        if (c == Case.VALID && !endpoint.operation().isReadOnly()) {
            fixture = fixtures.create(creator, viewer);
            addAdmin(fixture, alice);
            // alice is a domain admin, not a platform administrator: by id she reaches only users she can see
            long invitee = fixture.inviteeId();
            domains.as(creator, () -> members.addMember(foreign.domainId(), invitee, DomainRole.VIEWER));
            token = pat(alice, full(fixture), PatDuration.days(7));
        }

        Response response = api.send(endpoint.method(), endpoint.path(fixture), token, endpoint.body(fixture));

        switch (c) {
            case NO_TOKEN ->
                response.assertProblem(
                        401, "Authentication required: send an access token as \"Authorization: Bearer <token>\"");
            case MALFORMED, BAD_CHECKSUM, UNKNOWN, REGENERATED_OLD_SECRET ->
                response.assertProblem(401, "Invalid personal access token");
            case EXPIRED -> response.assertProblem(401, "This personal access token has expired");
            case REVOKED -> response.assertProblem(401, "This personal access token has been revoked");
            case OWNER_DISABLED ->
                response.assertProblem(401, "The account this personal access token belongs to is disabled");
            case WRONG_DOMAIN ->
                assertThat(response.status()).as(response.body()).isEqualTo(404);
            case WRONG_ENTITY ->
                assertThat(response.status()).as(response.body()).isEqualTo(404);
            case MISSING_OPERATION -> {
                String missing = token.equals(onlyChannelsView)
                        ? "clients:view"
                        : endpoint.operation().entityType().wireName() + ":"
                                + endpoint.operation().wireName();
                if (missingReadFirst(endpoint)) {
                    assertThat(response.status()).as(response.body()).isEqualTo(403);
                } else {
                    response.assertProblem(403, "This token has no scope for " + missing + " in this domain");
                }
            }
            case OWNER_DEMOTED_TO_VIEWER -> {
                if (DomainRole.VIEWER.atLeast(endpoint.operation().minimumRole())) {
                    assertThat(response.status()).as(response.body()).isEqualTo(endpoint.status());
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(403);
                    assertThat(response.json().path("detail").asString()).startsWith("Your role in this domain");
                }
            }
            case VALID ->
                assertThat(response.status())
                        .as(response.body())
                        .isEqualTo(invitesInsteadOfAdding(endpoint) ? 202 : endpoint.status());
        }
    }

    /** A domain admin adding a user who is not a member sends them an invitation (202) instead. */
    private static boolean invitesInsteadOfAdding(Endpoint endpoint) {
        return endpoint.method().equals("POST") && endpoint.template().endsWith("/members");
    }

    /** PATCH on domains and groups reads the current values first, so the read scope is asked for first. */
    private static boolean missingReadFirst(Endpoint endpoint) {
        return endpoint.method().equals("PATCH")
                && !endpoint.template().endsWith("/tags")
                && !endpoint.template().endsWith("/secret");
    }

    private static boolean hasEntity(Endpoint endpoint) {
        return endpoint.template().contains("/{id}") && endpoint.operation().entityType() != EntityType.DOMAINS;
    }

    private void addAdmin(Fixture fixture, UserProfile user) {
        domains.as(creator, () -> members.addMember(fixture.domainId(), user.id(), DomainRole.ADMIN));
    }

    private static ScopeRequest scope(Fixture fixture, String type, String operation, String entity) {
        return new ScopeRequest(fixture.domainId(), type, operation, entity);
    }

    /** Every operation on every entity type of the fixture's domain. */
    private static List<ScopeRequest> full(Fixture fixture) {
        return Stream.of("clients", "channels", "groups", "domains")
                .map(t -> scope(fixture, t, "*", "*"))
                .toList();
    }

    /** Every operation, but only on entities other than the fixture's own. */
    private List<ScopeRequest> otherEntities(Fixture fixture) {
        long otherClient = domains.as(creator, () -> clients.create(
                        fixture.domainId(), new ClientService.ClientRequest("other client", List.of()))
                .client()
                .id());
        long otherChannel = domains.as(creator, () -> channels.create(
                        fixture.domainId(), new ChannelService.ChannelRequest("other channel", List.of()))
                .id());
        List<ScopeRequest> scopes = new ArrayList<>();
        scopes.add(scope(fixture, "clients", "*", String.valueOf(otherClient)));
        scopes.add(scope(fixture, "channels", "*", String.valueOf(otherChannel)));
        scopes.add(scope(fixture, "groups", "*", String.valueOf(fixture.otherGroupId())));
        scopes.add(scope(fixture, "domains", "*", "*"));
        return scopes;
    }

    private String pat(UserProfile owner, List<ScopeRequest> scopes, PatDuration duration) {
        return domains.as(
                owner, () -> pats.create(new CreatePatRequest("pat " + System.nanoTime(), "", duration, null, scopes))
                        .secret());
    }

    private String patThen(UserProfile owner, List<ScopeRequest> scopes, java.util.function.LongFunction<Object> then) {
        return patThen(owner, scopes, then, new String[1]);
    }

    /** Creates a PAT, applies {@code then} to it; {@code firstSecret[0]} gets the secret it was created with. */
    private String patThen(
            UserProfile owner,
            List<ScopeRequest> scopes,
            java.util.function.LongFunction<Object> then,
            String[] firstSecret) {
        return domains.as(owner, () -> {
            IssuedPat issued = pats.create(
                    new CreatePatRequest("pat " + System.nanoTime(), "", PatDuration.days(7), null, scopes));
            firstSecret[0] = issued.secret();
            then.apply(issued.pat().id());
            return issued.secret();
        });
    }
}
