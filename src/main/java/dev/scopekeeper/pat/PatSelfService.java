package dev.scopekeeper.pat;

import dev.scopekeeper.base.ServiceException.NotFound;
import dev.scopekeeper.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token self-knowledge ({@code GET /api/v1/pats/self}): a personal access token asks about itself — its name, owner,
 * expiry and scopes, never its secret. Only a PAT may call it (authority {@code CREDENTIAL_PAT}), and it needs no
 * scope: it shows nothing but the token the caller already holds. Every other way of managing tokens stays refused
 * to PATs ({@link PatService}).
 */
@Service
@PreAuthorize("hasAuthority('CREDENTIAL_PAT')") // UserCredentialsOnly.PAT_AUTHORITY
public class PatSelfService {

    private final CurrentUser currentUser;
    private final PatRepository pats;
    private final PatMapper mapper;

    PatSelfService(CurrentUser currentUser, PatRepository pats, PatMapper mapper) {
        this.currentUser = currentUser;
        this.pats = pats;
        this.mapper = mapper;
    }

    /** The token the request was authenticated with. */
    @Transactional(readOnly = true)
    public PatDetails self() {
        PatAuthentication pat = currentUser
                .authentication()
                .filter(PatAuthentication.class::isInstance)
                .map(PatAuthentication.class::cast)
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
        return pats.findWithScopesByIdAndOwnerId(pat.patId(), pat.getPrincipal().id())
                .map(mapper::details)
                .orElseThrow(() -> new NotFound("pat.error.notFound"));
    }
}
