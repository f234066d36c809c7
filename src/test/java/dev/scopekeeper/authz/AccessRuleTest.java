package dev.scopekeeper.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.authz.AccessDecision.Reason;
import dev.scopekeeper.base.ServiceException.Conflict;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one authorization rule as a pure function: each reason, its order, and the refusal it throws. */
class AccessRuleTest {

    private static final long DOMAIN = 5;
    private static final AccessFacts EDITOR =
            new AccessFacts(true, PlatformRole.USER, Status.ENABLED, DomainRole.EDITOR);
    private static final AccessFacts VIEWER =
            new AccessFacts(true, PlatformRole.USER, Status.ENABLED, DomainRole.VIEWER);

    private static TokenGrant token(Scope... scopes) {
        return TokenGrant.active(List.of(scopes));
    }

    private static Scope scope(String type, String op, String entity) {
        return new Scope(DOMAIN, EntityType.fromWire(type).orElseThrow(), op, entity);
    }

    @Test
    void aMatchingScopeOfAnEditorAllowsAndNamesTheScopeThatMatched() {
        Scope exact = scope("clients", "update_tags", "12");
        AccessDecision decision = AccessRule.decide(
                EDITOR, token(scope("clients", "*", "*"), exact), DOMAIN, Operation.CLIENTS_UPDATE_TAGS, 12L, true);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decision.matchedScope()).isEqualTo(exact);
        assertThat(decision.ownerRole()).isEqualTo(DomainRole.EDITOR);
    }

    @Test
    void userCredentialsDecideOnTheOwnersRightsAlone() {
        assertThat(AccessRule.decide(EDITOR, null, DOMAIN, Operation.CLIENTS_DELETE, 3L, true)
                        .allowed())
                .isTrue();
        assertThat(AccessRule.decide(VIEWER, null, DOMAIN, Operation.CLIENTS_DELETE, 3L, true)
                        .reason())
                .isEqualTo(Reason.OWNER_ROLE_TOO_LOW);
    }

    @Test
    void aRevokedOrExpiredTokenIsDeniedFirst() {
        TokenGrant revoked = new TokenGrant(TokenGrant.State.REVOKED, List.of(scope("clients", "*", "*")));
        TokenGrant expired = new TokenGrant(TokenGrant.State.EXPIRED, List.of(scope("clients", "*", "*")));
        assertThat(AccessRule.decide(AccessFacts.NO_USER, revoked, DOMAIN, Operation.CLIENTS_VIEW, 1L, false)
                        .reason())
                .isEqualTo(Reason.TOKEN_REVOKED);
        assertThat(AccessRule.decide(EDITOR, expired, DOMAIN, Operation.CLIENTS_VIEW, 1L, true)
                        .reason()
                        .code())
                .isEqualTo("token_expired");
    }

    @Test
    void anOutsiderGetsDomainNotFoundBeforeAnythingElse() {
        AccessFacts outsider = new AccessFacts(true, PlatformRole.USER, Status.ENABLED, null);
        AccessDecision decision = AccessRule.decide(outsider, token(), DOMAIN, Operation.CLIENTS_DELETE, 1L, false);
        assertThat(decision.reason()).isEqualTo(Reason.DOMAIN_NOT_FOUND);
        assertThat(decision.refusal()).isInstanceOf(NotFound.class);
        assertThat(decision.refusal().messageKey()).isEqualTo("domain.notFound");
    }

    @Test
    void theOwnersRoleShrinksTheTokenAndNoScopeCanHelp() {
        AccessDecision decision = AccessRule.decide(
                VIEWER, token(scope("clients", "update_tags", "*")), DOMAIN, Operation.CLIENTS_UPDATE_TAGS, 1L, true);
        assertThat(decision.reason()).isEqualTo(Reason.OWNER_ROLE_TOO_LOW);
        assertThat(decision.ownerRole()).isEqualTo(DomainRole.VIEWER);
        assertThat(decision.suggestedScope()).isNull();
        assertThat(decision.refusal()).isInstanceOf(Forbidden.class);
        assertThat(decision.refusal().args()).containsExactly("clients", "update_tags", "editor");
    }

    @Test
    void aDisabledDomainRefusesChangesButNotReads() {
        AccessFacts disabled = new AccessFacts(true, PlatformRole.USER, Status.DISABLED, DomainRole.ADMIN);
        AccessDecision change = AccessRule.decide(disabled, null, DOMAIN, Operation.CLIENTS_UPDATE, 1L, true);
        assertThat(change.reason()).isEqualTo(Reason.DOMAIN_DISABLED);
        assertThat(change.refusal()).isInstanceOf(Conflict.class);
        assertThat(AccessRule.decide(disabled, null, DOMAIN, Operation.CLIENTS_VIEW, 1L, true)
                        .allowed())
                .isTrue();
        assertThat(AccessRule.decide(disabled, null, DOMAIN, Operation.DOMAINS_ENABLE, null, true)
                        .allowed())
                .isTrue();
    }

    @Test
    void noScopeInTheDomainIsNotFoundAndSuggestsTheExactScope() {
        Scope elsewhere = new Scope(99, EntityType.CLIENTS, "view", "*");
        AccessDecision decision = AccessRule.decide(EDITOR, token(elsewhere), DOMAIN, Operation.CLIENTS_VIEW, 7L, true);
        assertThat(decision.reason()).isEqualTo(Reason.NO_SCOPE_IN_DOMAIN);
        assertThat(decision.refusal()).isInstanceOf(NotFound.class);
        assertThat(decision.closestScope()).isEqualTo(elsewhere);
        assertThat(decision.suggestedScope()).isEqualTo(scope("clients", "view", "7"));
    }

    @Test
    void noScopeForTheOperationIsForbiddenAndShowsTheClosestScope() {
        Scope view = scope("clients", "view", "*");
        AccessDecision decision = AccessRule.decide(
                EDITOR, token(scope("groups", "view", "*"), view), DOMAIN, Operation.CLIENTS_UPDATE_TAGS, 12L, true);
        assertThat(decision.reason()).isEqualTo(Reason.NO_SCOPE_FOR_OPERATION);
        assertThat(decision.refusal()).isInstanceOf(Forbidden.class);
        assertThat(decision.refusal().messageKey()).isEqualTo("pat.error.missingScope");
        assertThat(decision.closestScope()).isEqualTo(view);
        assertThat(decision.suggestedScope()).isEqualTo(scope("clients", "update_tags", "12"));
    }

    @Test
    void aScopeOnAnotherEntityIsNotFound() {
        AccessDecision decision = AccessRule.decide(
                EDITOR, token(scope("clients", "update", "3")), DOMAIN, Operation.CLIENTS_UPDATE, 4L, true);
        assertThat(decision.reason()).isEqualTo(Reason.ENTITY_OUTSIDE_SCOPE);
        assertThat(decision.refusal().messageKey()).isEqualTo("clients.notFound");
    }

    @Test
    void aMissingEntityIsDecidedLast() {
        AccessDecision decision =
                AccessRule.decide(EDITOR, token(scope("clients", "*", "*")), DOMAIN, Operation.CLIENTS_VIEW, 4L, false);
        assertThat(decision.reason()).isEqualTo(Reason.ENTITY_NOT_FOUND);
        assertThat(decision.ownerRole()).isEqualTo(DomainRole.EDITOR);
    }

    @Test
    void unboundOperationsNeedAnEnabledAccountAScopeAnywhereAndForCreateThePlatformRole() {
        Scope list = new Scope(42, EntityType.DOMAINS, "list", "*");
        assertThat(AccessRule.decideUnbound(EDITOR, token(list), Operation.DOMAINS_LIST)
                        .matchedScope())
                .isEqualTo(list);
        assertThat(AccessRule.decideUnbound(EDITOR, token(), Operation.DOMAINS_LIST)
                        .reason())
                .isEqualTo(Reason.NO_SCOPE_FOR_OPERATION);
        assertThat(AccessRule.decideUnbound(EDITOR, null, Operation.DOMAINS_CREATE)
                        .reason())
                .isEqualTo(Reason.PLATFORM_ADMIN_ONLY);
        assertThat(AccessRule.decideUnbound(AccessFacts.NO_USER, null, Operation.DOMAINS_LIST)
                        .reason())
                .isEqualTo(Reason.ACCOUNT_DISABLED);
    }
}
