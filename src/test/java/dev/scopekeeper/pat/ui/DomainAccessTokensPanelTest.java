package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.domains.TestDomains;
import dev.scopekeeper.pat.DomainTokenService;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Access tokens tab's panel, hosted on its own (the domain settings screen lives in another branch). */
class DomainAccessTokensPanelTest extends BrowserlessTestBase {

    @Autowired
    DomainTokenService domainTokens;

    @Autowired
    PatService pats;

    @Autowired
    TestDomains domains;

    @Test
    void aDomainAdminSeesOnlyThisDomainsScopesAndRemovesThemWithConfirmation() {
        UserProfile member = testUsers.create("member", PlatformRole.USER);
        long ours = domains.domain("Panel");
        long other = domains.domain("Elsewhere");
        domains.member(ours, member, DomainRole.EDITOR);
        domains.member(other, member, DomainRole.EDITOR);
        long token = domains.as(member, () -> pats.create(new CreatePatRequest(
                        "deploy",
                        "d",
                        PatDuration.days(7),
                        null,
                        List.of(
                                new ScopeRequest(ours, "clients", "view", "*"),
                                new ScopeRequest(ours, "channels", "*", "*"),
                                new ScopeRequest(other, "groups", "*", "*"))))
                .pat()
                .id());
        testUsers.signIn(domains.adminOf(ours));
        DomainAccessTokensPanel panel = new DomainAccessTokensPanel(domainTokens, ours);
        UI.getCurrent().add(panel);

        assertThat(test(panel.grid).size()).isEqualTo(1);
        assertThat(test(panel.grid).getCellText(0, test(panel.grid).getColumnPosition("owner")))
                .isEqualTo(member.username());
        String scopes = test(panel.grid).getCellText(0, test(panel.grid).getColumnPosition("scopes"));
        assertThat(scopes).contains("clients:view:*", "channels:*:*").doesNotContain("groups");
        assertThat(panel.revokeAccess.isEnabled()).isFalse();

        test(panel.grid).select(0);
        assertThat(test(panel.scopes).size()).isEqualTo(2);
        test(panel.scopes).select(0);
        test(panel.removeScope).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertThat(notifications()).contains("Scope removed from deploy");

        test(panel.grid).select(0);
        assertThat(test(panel.scopes).size()).isEqualTo(1);
        test(panel.revokeAccess).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).last();
        assertThat(test(confirm).getText()).contains("deploy", member.username());
        test(confirm).confirm();

        assertThat(notifications()).contains("Token deploy lost its access to this domain (1 scope(s) removed)");
        assertThat(test(panel.grid).size()).isZero();
        List<PatScopeView> left = domains.as(member, () -> pats.get(token).scopes());
        assertThat(left).singleElement().satisfies(s -> assertThat(s.domainId()).isEqualTo(other));
    }
}
