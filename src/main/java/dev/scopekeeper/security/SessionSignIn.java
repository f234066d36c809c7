package dev.scopekeeper.security;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Signs the browser session in as a user who just proved who they are (first-run setup). */
@Component
public class SessionSignIn {

    private final ScopekeeperUserDetailsService userDetails;
    private final SecurityContextHolderStrategy strategy;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    private final BrowserSessions sessions;

    SessionSignIn(
            ScopekeeperUserDetailsService userDetails,
            ObjectProvider<SecurityContextHolderStrategy> strategy,
            BrowserSessions sessions) {
        this.userDetails = userDetails;
        this.sessions = sessions;
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public void signIn(String username) {
        ScopekeeperPrincipal principal = ((SignInAccount) userDetails.loadUserByUsername(username)).principal();
        SecurityContext context = strategy.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        strategy.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            repository.saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
            // registered like a form sign-in, so a later disable, demotion or reset ends this session too
            sessions.register(request.getHttpServletRequest().getSession().getId(), principal);
        }
    }
}
