package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.ui.DomainPageTab;
import dev.scopekeeper.pat.DomainTokenService;

/** The domain page's {@code Access tokens} tab, for the domain's admins only ({@link DomainAccessTokensPanel}). */
@org.springframework.stereotype.Component
class DomainAccessTokensTab implements DomainPageTab {

    private final DomainTokenService domainTokens;

    DomainAccessTokensTab(DomainTokenService domainTokens) {
        this.domainTokens = domainTokens;
    }

    @Override
    public String titleKey() {
        return "domainDetail.tab.accessTokens";
    }

    @Override
    public Component create(DomainView domain) {
        return domain.myRole() == DomainRole.ADMIN ? new DomainAccessTokensPanel(domainTokens, domain.id()) : null;
    }
}
