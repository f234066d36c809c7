package dev.scopekeeper.notify;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Outgoing mail through Spring Boot's mail starter ({@code SPRING_MAIL_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}; sender {@code SCOPEKEEPER_MAIL_FROM}). Without a mail host nothing is sent (and the policy
 * screen says so). Each message is multipart/alternative: plain text and HTML.
 */
@Component
class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final String from;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "scopekeeper-mail");
        thread.setDaemon(true);
        return thread;
    });

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${scopekeeper.mail.from:}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from == null || from.isBlank() ? "scopekeeper@localhost" : from.strip();
    }

    boolean configured() {
        return sender != null;
    }

    String from() {
        return from;
    }

    /** Sends now; false when mail is not configured or the server refused it (logged, never the body). */
    boolean send(Mail mail) {
        if (sender == null || mail.to() == null || mail.to().isBlank()) {
            return false;
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            sender.send(message);
            return true;
        } catch (MessagingException | MailException e) {
            log.warn("Could not send mail \"{}\" to {}: {}", mail.subject(), mail.to(), e.getMessage());
            return false;
        }
    }

    /** Sends on the mail thread, so a slow mail server never holds up a request. */
    void sendLater(Mail mail) {
        if (sender != null) {
            background.execute(() -> send(mail));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }
}
