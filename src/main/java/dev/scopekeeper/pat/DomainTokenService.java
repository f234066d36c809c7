package dev.scopekeeper.pat;

import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditLog;
import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.Forbidden;
import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserCredentialsOnly;
import dev.scopekeeper.security.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Domain governance: the admins of a domain (and platform administrators) see every token that reaches
 * into it — only its scopes there — and can take those scopes away. Owners see it in their token's
 * detail page and in the audit log. Never callable with a PAT: a token does not manage tokens.
 */
@Service
@PreAuthorize("isAuthenticated()")
@UserCredentialsOnly(UserCredentialsOnly.TOKEN_MANAGEMENT)
public class DomainTokenService {

    private final PatRepository pats;
    private final PatService patService;
    private final PatMapper mapper;
    private final DomainAccess access;
    private final CurrentUser currentUser;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DomainTokenService(
            PatRepository pats,
            PatService patService,
            PatMapper mapper,
            DomainAccess access,
            CurrentUser currentUser,
            UserDirectory users,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.pats = pats;
        this.patService = patService;
        this.mapper = mapper;
        this.access = access;
        this.currentUser = currentUser;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @RequiresOperation(Operation.DOMAINS_READ)
    @Transactional(readOnly = true)
    public ListResult<DomainTokenRow> list(long domainId, int offset, int limit) {
        requireDomainAdmin(domainId);
        OffsetPage page = OffsetPage.of(offset, limit, ORDER);
        Page<PersonalAccessToken> result = pats.findWithScopeInDomain(domainId, page);
        Map<PersonalAccessToken, DomainTokenRow> rows = rows(result.getContent(), domainId);
        return ListResult.of(result, page, rows::get);
    }

    /** A page of the tokens reaching into the domain, without a total (the domain's token table pages on). */
    @RequiresOperation(Operation.DOMAINS_READ)
    @Transactional(readOnly = true)
    public Slice<DomainTokenRow> listSlice(long domainId, int offset, int limit) {
        requireDomainAdmin(domainId);
        Slice<PersonalAccessToken> result =
                pats.findSliceWithScopeInDomain(domainId, OffsetPage.of(offset, limit, ORDER));
        Map<PersonalAccessToken, DomainTokenRow> rows = rows(result.getContent(), domainId);
        return result.map(rows::get);
    }

    /** How many tokens reach into the domain: one COUNT. */
    @RequiresOperation(Operation.DOMAINS_READ)
    @Transactional(readOnly = true)
    public long count(long domainId) {
        requireDomainAdmin(domainId);
        return pats.countWithScopeInDomain(domainId);
    }

    private static final Sort ORDER = Sort.by("name").and(Sort.by("id"));

    /**
     * The rows of these tokens: only their scopes in this domain, read in one query (never every scope of every
     * token), owners' names in one more.
     */
    private Map<PersonalAccessToken, DomainTokenRow> rows(List<PersonalAccessToken> tokens, long domainId) {
        if (tokens.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = users.usernames(
                tokens.stream().map(PersonalAccessToken::getOwnerId).collect(Collectors.toSet()));
        Map<Long, List<PatScope>> scopes =
                pats
                        .findScopesInDomain(
                                tokens.stream().map(PersonalAccessToken::getId).toList(), domainId)
                        .stream()
                        .collect(Collectors.groupingBy(PatScope::patId));
        Instant now = clock.instant();
        Map<PersonalAccessToken, DomainTokenRow> rows = new java.util.IdentityHashMap<>();
        tokens.forEach(pat -> rows.put(pat, row(pat, scopes.getOrDefault(pat.getId(), List.of()), names, now)));
        return rows;
    }

    /** Removes one of the token's scopes in this domain. */
    @RequiresOperation(Operation.DOMAINS_READ)
    @Transactional
    public DomainTokenRow removeScope(long domainId, long patId, long scopeId) {
        requireDomainAdmin(domainId);
        PersonalAccessToken pat = tokenInDomain(domainId, patId);
        PatScope scope = pat.getScopes().stream()
                .filter(s ->
                        s.getId() != null && s.getId() == scopeId && s.key().domainId() == domainId)
                .findFirst()
                .orElseThrow(() -> new NotFound("admin.domainTokens.scopeNotFound"));
        PatScope.Key key = scope.key();
        pat.removeScopeById(scopeId);
        changed(pat, domainId, "removed " + key.entityType().wireName() + ":" + key.operation() + ":" + key.entity());
        return row(
                pat,
                pat.getScopes().stream()
                        .filter(s -> s.key().domainId() == domainId)
                        .toList(),
                users.usernames(List.of(pat.getOwnerId())),
                clock.instant());
    }

    /**
     * "Revoke access to this domain": removes all of the token's scopes in this domain; returns how many. When
     * the token reached only this domain, it is also revoked ({@code revoked_by: domain_admin}), final for the
     * owner: regenerating it answers 409 until a platform administrator lifts the revocation. A token that still
     * reaches other domains stays active there (a domain admin has no say outside the domain); to cut the owner
     * off this domain entirely, remove or demote the member, which every one of their tokens follows at once.
     */
    @RequiresOperation(Operation.DOMAINS_READ)
    @Transactional
    public int revokeDomainAccess(long domainId, long patId) {
        requireDomainAdmin(domainId);
        PersonalAccessToken pat = tokenInDomain(domainId, patId);
        List<Long> ids = pat.getScopes().stream()
                .filter(s -> s.key().domainId() == domainId)
                .map(PatScope::getId)
                .toList();
        ids.forEach(pat::removeScopeById);
        changed(pat, domainId, "removed all " + ids.size() + " scopes in the domain");
        if (pat.getScopes().isEmpty() && pat.getOwnerId() != currentUser.id()) {
            // nothing left: the token is revoked by the domain admin, final for the owner (an administrator may lift
            // it)
            patService.revoke(
                    pat,
                    RevokedBy.DOMAIN_ADMIN,
                    Messages.get("pat.revokedReason.domainAccess", domainName(domainId)),
                    "revoked by a domain administrator of domain " + domainId);
        } else if (pat.getOwnerId() != currentUser.id() && !ids.isEmpty()) {
            // i15: security notice to the owner (a full revocation above sends its own)
            events.publishEvent(new PatNotice(
                    PatNotice.Kind.ACCESS_REMOVED,
                    pat.getId(),
                    pat.getOwnerId(),
                    pat.getName(),
                    currentUser.require().username(),
                    clock.instant(),
                    Messages.get("pat.notice.accessRemoved", domainName(domainId))));
        }
        return ids.size();
    }

    private void changed(PersonalAccessToken pat, long domainId, String what) {
        pats.flush();
        events.publishEvent(new PatEvents.TokenChanged(pat.getId()));
        audit.record(
                AuditEventType.PAT_SCOPES_REMOVED,
                "pat",
                pat.getId(),
                "name=" + pat.getName() + ", " + what + " of domain " + domainId + " by a domain administrator");
    }

    private String domainName(long domainId) {
        return mapper.domainName(domainId);
    }

    /** The token, locked for this change (as the owner's changes lock it), if it reaches into the domain. */
    private PersonalAccessToken tokenInDomain(long domainId, long patId) {
        return pats.findLockedWithScopesById(patId)
                .filter(p -> p.getScopes().stream().anyMatch(s -> s.key().domainId() == domainId))
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }

    /** {@code inDomain}: the token's scopes in the domain (the only ones a domain admin sees). */
    private DomainTokenRow row(PersonalAccessToken pat, List<PatScope> inDomain, Map<Long, String> names, Instant now) {
        List<PatScopeView> scopes = mapper.scopeViews(inDomain);
        return new DomainTokenRow(
                pat.getId(),
                pat.getOwnerId(),
                names.getOrDefault(pat.getOwnerId(), "#" + pat.getOwnerId()),
                pat.getName(),
                pat.status(now),
                pat.getLastUsedAt(),
                scopes);
    }

    /** After {@code domains.read} (declared on each method): only the domain's admins manage its tokens. */
    private void requireDomainAdmin(long domainId) {
        if (access.roleOf(currentUser.id(), domainId)
                .filter(r -> r == DomainRole.ADMIN)
                .isEmpty()) {
            throw new Forbidden("admin.domainTokens.adminOnly");
        }
    }
}
