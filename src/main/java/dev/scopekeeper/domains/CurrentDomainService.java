package dev.scopekeeper.domains;

import static dev.scopekeeper.authz.Operation.DOMAINS_LIST;
import static dev.scopekeeper.authz.Operation.DOMAINS_READ;

import dev.scopekeeper.authz.DomainAccess;
import dev.scopekeeper.authz.RequiresOperation;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.security.CurrentUser;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain the caller works in (the header's selector, the entity pages): a preference remembered per user
 * across sessions ({@link UserPreference}), reading the domains themselves through {@link DomainService}.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CurrentDomainService {

    private final UserPreferenceRepository preferences;
    private final DomainService domains;
    private final DomainAccess access;
    private final CurrentUser currentUser;

    CurrentDomainService(
            UserPreferenceRepository preferences, DomainService domains, DomainAccess access, CurrentUser currentUser) {
        this.preferences = preferences;
        this.domains = domains;
        this.access = access;
        this.currentUser = currentUser;
    }

    /**
     * The domain the UI works in: the remembered one while the caller may still read it, else the first of
     * their domains by name; empty when they have none.
     */
    @RequiresOperation(DOMAINS_LIST)
    @Transactional(readOnly = true)
    public Optional<DomainView> currentDomain() {
        long me = currentUser.id();
        Optional<Long> remembered = preferences
                .findById(me)
                .map(UserPreference::getCurrentDomainId)
                .filter(id -> access.roleOf(me, id).isPresent());
        if (remembered.isPresent()) {
            return Optional.of(domains.read(remembered.get()));
        }
        return domains.list(ListQuery.page(0, 1)).items().stream().findFirst();
    }

    /** Makes a domain the caller can read their current domain, remembered across sessions. */
    @RequiresOperation(DOMAINS_READ)
    @Transactional
    public DomainView switchDomain(long domainId) {
        DomainView domain = domains.read(domainId);
        UserPreference preference =
                preferences.findById(currentUser.id()).orElseGet(() -> new UserPreference(currentUser.id()));
        preference.setCurrentDomainId(domainId);
        preferences.save(preference);
        return domain;
    }
}
