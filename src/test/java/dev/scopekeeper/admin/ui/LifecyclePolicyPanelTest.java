package dev.scopekeeper.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.notify.NotificationService;
import dev.scopekeeper.notify.NotificationService.MailStatus;
import dev.scopekeeper.pat.LifecyclePolicyService;
import dev.scopekeeper.security.PlatformRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15: "when no mail server is configured, nothing is sent and the admin screens say so". The shared test
 * context always has a mail server (GreenMail), so the panel is given a mail status without one.
 */
class LifecyclePolicyPanelTest extends BrowserlessTestBase {

    @Autowired
    LifecyclePolicyService lifecyclePolicies;

    @Test
    void withoutAMailServerThePolicyScreenSaysNoMailIsSent() {
        signInAsNew("nomail", PlatformRole.ADMIN);
        NotificationService withoutMail = mock(NotificationService.class);
        when(withoutMail.mailStatus()).thenReturn(new MailStatus(false, "scopekeeper@localhost"));

        UI.getCurrent().add(new LifecyclePolicyPanel(lifecyclePolicies, withoutMail));

        Paragraph status = find(Paragraph.class)
                .withText("No mail server is configured (SPRING_MAIL_HOST): expiry warnings and security notices"
                        + " are not sent.")
                .single();
        assertThat(status.getClassNames()).contains("sk-warning");
        assertThat(find(Paragraph.class)
                        .withText("Mail is sent from scopekeeper@localhost.")
                        .exists())
                .isFalse();
    }
}
