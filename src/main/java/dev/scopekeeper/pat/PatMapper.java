package dev.scopekeeper.pat;

import dev.scopekeeper.authz.DomainDirectory;
import dev.scopekeeper.authz.EntityDirectory;
import dev.scopekeeper.security.UserDirectory;
import dev.scopekeeper.security.UserProfile;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tokens as the records that cross the feature's boundary ({@link PatSummary}, {@link PatDetails}, scope views),
 * for every token service of the package. Package-private and without access checks: its callers (the services)
 * have done them, and no controller or view can reach it.
 */
@Component
class PatMapper {

    private final UserDirectory users;
    private final Clock clock;
    private final PatScopeViews scopeViews;

    PatMapper(UserDirectory users, DomainDirectory domains, EntityDirectory entities, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.scopeViews = new PatScopeViews(domains, entities);
    }

    PatSummary summary(PersonalAccessToken pat, Instant now) {
        return new PatSummary(
                pat.getId(),
                pat.getOwnerId(),
                pat.getName(),
                pat.getDescription(),
                pat.status(now),
                pat.getIssuedAt(),
                pat.getExpiresAt(),
                pat.getRevokedAt(),
                pat.getLastUsedAt(),
                pat.getLastUsedIp(),
                pat.getSecretHint(),
                pat.getScopes().stream()
                        .map(s -> {
                            PatScope.Key key = s.key();
                            return new PatScopeView(
                                    s.getId(),
                                    key.domainId(),
                                    null,
                                    key.entityType().wireName(),
                                    key.operation(),
                                    key.entity(),
                                    null);
                        })
                        .toList(),
                pat.getRevokedBy(),
                pat.getRevokedReason());
    }

    PatDetails details(PersonalAccessToken pat) {
        // owner and creator in one query
        Map<Long, String> names = users.usernames(new HashSet<>(List.of(pat.getOwnerId(), pat.getCreatedById())));
        return new PatDetails(
                pat.getId(),
                pat.getOwnerId(),
                names.getOrDefault(pat.getOwnerId(), "#" + pat.getOwnerId()),
                pat.getCreatedById(),
                names.getOrDefault(pat.getCreatedById(), "#" + pat.getCreatedById()),
                pat.getName(),
                pat.getDescription(),
                pat.status(now()),
                pat.getIssuedAt(),
                pat.getExpiresAt(),
                pat.getRevokedAt(),
                pat.getLastUsedAt(),
                pat.getLastUsedIp(),
                pat.getUseCount(),
                pat.getSecretHint(),
                scopeViews(pat),
                pat.getRevokedBy(),
                pat.getRevokedReason(),
                pat.getRevocationLiftedAt(),
                pat.revocationFinalForOwner());
    }

    String domainName(long domainId) {
        return scopeViews.domainName(domainId);
    }

    String userName(long userId) {
        return users.find(userId).map(UserProfile::username).orElse("#" + userId);
    }

    /** The token's scopes as shown; names resolved in batches (see {@link PatScopeViews}). */
    List<PatScopeView> scopeViews(PersonalAccessToken pat) {
        return scopeViews.of(pat.getScopes());
    }

    /** These scopes (of any tokens) as shown, names resolved in batches. */
    List<PatScopeView> scopeViews(Collection<PatScope> scopes) {
        return scopeViews.of(scopes);
    }

    /** The Clock's now at the database's precision (microseconds), as {@link PatService} stores it. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
