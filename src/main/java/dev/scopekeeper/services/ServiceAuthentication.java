package dev.scopekeeper.services;

import dev.scopekeeper.security.UserCredentialsOnly;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated with a service credential: the caller is another service, never a person, so it has no
 * user, no role and no domain; its only authority is {@value UserCredentialsOnly#SERVICE_AUTHORITY}, which keeps it
 * to the decision API ({@code authz.ServiceCredentialEndpoint}). Holds no secret.
 */
public final class ServiceAuthentication extends AbstractAuthenticationToken {

    /** The calling service: its credential's id and name. */
    public record ServiceCaller(long id, String name) {
        @Override
        public String toString() {
            return "service " + name + " (#" + id + ")";
        }
    }

    private final ServiceCaller caller;

    ServiceAuthentication(ServiceCaller caller) {
        super(List.of(new SimpleGrantedAuthority(UserCredentialsOnly.SERVICE_AUTHORITY)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public ServiceCaller getPrincipal() {
        return caller;
    }
}
