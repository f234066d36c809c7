package dev.scopekeeper.security;

import dev.scopekeeper.base.Status;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks users up by id for other features' services (names to show, the owner behind a token).
 * No access check of its own: callers are services that have done theirs; views never use it
 * (they go through a feature's service).
 */
@Component
public class UserDirectory {

    private final UserRepository users;

    UserDirectory(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<UserProfile> find(long userId) {
        return users.findById(userId).map(User::toProfile);
    }

    /** Usernames by id, in one query (for lists showing owners). */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> userIds) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (!userIds.isEmpty()) {
            users.findAllById(userIds).forEach(u -> names.put(u.getId(), u.getUsername()));
        }
        return names;
    }

    /**
     * What authorization decides on for a user in a domain, read in one statement; empty when the user does not
     * exist. Used by {@code authz.DomainAccess} (through its cache), never for display.
     */
    @Transactional(readOnly = true)
    public Optional<AccessFactsRow> accessFacts(long userId, long domainId) {
        List<Object[]> rows = users.findAccessFacts(userId, domainId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.getFirst();
        boolean enabled = row[0] instanceof Boolean b ? b : ((Number) row[0]).intValue() != 0;
        return Optional.of(new AccessFactsRow(
                enabled,
                PlatformRole.valueOf((String) row[1]),
                row[2] == null ? null : Status.valueOf((String) row[2]),
                (String) row[3]));
    }

    /**
     * The user as {@link #principal} does, and their {@link #accessFacts} in each of {@code domainIds} (a domain
     * that does not exist is in the map with a null status), in ONE statement: what a personal access token's
     * first use needs (its owner, and the facts of the domains its scopes name).
     */
    @Transactional(readOnly = true)
    public Optional<PrincipalWithAccessFacts> principalWithAccessFacts(long userId, java.util.Set<Long> domainIds) {
        List<Long> ids = domainIds.isEmpty() ? List.of(-1L) : List.copyOf(domainIds);
        List<Object[]> rows = users.findPrincipalWithAccessFacts(userId, ids);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.getFirst();
        boolean enabled = first[2] instanceof Boolean b ? b : ((Number) first[2]).intValue() != 0;
        PlatformRole role = PlatformRole.valueOf((String) first[3]);
        java.util.Map<Long, AccessFactsRow> facts = new java.util.HashMap<>();
        for (long domainId : domainIds) {
            facts.put(domainId, new AccessFactsRow(enabled, role, null, null));
        }
        for (Object[] row : rows) {
            if (row[4] != null) {
                facts.put(
                        ((Number) row[4]).longValue(),
                        new AccessFactsRow(enabled, role, Status.valueOf((String) row[5]), (String) row[6]));
            }
        }
        return Optional.of(new PrincipalWithAccessFacts(
                new ScopekeeperPrincipal(((Number) first[0]).longValue(), (String) first[1], role, enabled),
                java.util.Map.copyOf(facts)));
    }

    /** A principal and its access facts by domain id. */
    public record PrincipalWithAccessFacts(
            ScopekeeperPrincipal principal, java.util.Map<Long, AccessFactsRow> factsByDomain) {}

    /**
     * One user's facts for one domain: account enabled and platform role; the domain's status (null: no such
     * domain) and the membership role's name (null: not a member).
     */
    public record AccessFactsRow(boolean enabled, PlatformRole role, Status domainStatus, String memberRole) {}

    /** The user as Spring Security would hold them after signing in (enabled flag included). */
    @Transactional(readOnly = true)
    public Optional<ScopekeeperPrincipal> principal(long userId) {
        return users.findById(userId).map(ScopekeeperPrincipal::of);
    }
}
