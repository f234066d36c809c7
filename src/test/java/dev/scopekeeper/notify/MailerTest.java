package dev.scopekeeper.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Without a mail server (no SPRING_MAIL_HOST, so no JavaMailSender bean) nothing is sent, and the screens say so. */
class MailerTest {

    @Test
    void withoutAMailServerNothingIsSentAndTheStatusSaysSo() {
        Mailer mailer = new Mailer(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), "");

        assertThat(mailer.configured()).isFalse();
        assertThat(mailer.send(new Mail("someone@example.com", "subject", "text", "<p>html</p>")))
                .isFalse();
        mailer.sendLater(new Mail("someone@example.com", "subject", "text", "<p>html</p>"));
        assertThat(new NotificationService(mailer, null, null).mailStatus())
                .isEqualTo(new NotificationService.MailStatus(false, "scopekeeper@localhost"));
    }
}
