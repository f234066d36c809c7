package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The detail page says who revoked a token, and offers Regenerate only when the owner may use it. */
class PatDetailRevocationViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Autowired
    PatAdministrationService administration;

    UserProfile me;

    @BeforeEach
    void signedIn() {
        me = testUsers.create("revoked", PlatformRole.USER);
        testUsers.signIn(me);
    }

    private long token(String name) {
        return pats.create(new CreatePatRequest(name, "", PatDuration.days(30), null, List.of()))
                .pat()
                .id();
    }

    @Test
    void aTokenRevokedByAnAdministratorSaysSoAndCannotBeRegenerated() {
        long id = token("seized");
        testUsers.signIn(testUsers.create("root", PlatformRole.ADMIN));
        administration.revoke(id, "Found in a public repository");
        testUsers.signIn(me);

        PatDetailView view = navigate("pats/" + id, PatDetailView.class);

        assertThat(view.revokedNote.isVisible()).isTrue();
        assertThat(view.revokedNote.getText())
                .startsWith("Revoked by an administrator on ")
                .contains("UTC: Found in a public repository.")
                .endsWith("Only an administrator can let you regenerate it.");
        assertThat(view.regenerate.isEnabled()).isFalse();
    }

    @Test
    void myOwnRevocationShowsNoNoteAndStaysRegenerable() {
        long id = token("mine");
        pats.revoke(id);

        PatDetailView view = navigate("pats/" + id, PatDetailView.class);

        assertThat(view.revokedNote.isVisible()).isFalse();
        assertThat(view.regenerate.isEnabled()).isTrue();
    }
}
