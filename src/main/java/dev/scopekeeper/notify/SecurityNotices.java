package dev.scopekeeper.notify;

import dev.scopekeeper.pat.PatNotice;
import dev.scopekeeper.security.UserDirectory;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Security notices, mailed to a token's owner right after the change commits (on the mail thread): created
 * for them by an administrator; revoked by an administrator, a domain admin or the policy; access to a domain
 * removed; revoked as reported leaked. They cannot be turned off.
 */
@Component
class SecurityNotices {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final UserDirectory users;
    private final Mailer mailer;
    private final MailComposer composer;

    SecurityNotices(UserDirectory users, Mailer mailer, MailComposer composer) {
        this.users = users;
        this.mailer = mailer;
        this.composer = composer;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PatNotice notice) {
        if (!mailer.configured()) {
            return;
        }
        users.find(notice.ownerId())
                .filter(u -> u.email() != null && !u.email().isBlank())
                .ifPresent(owner -> {
                    String kind =
                            switch (notice.kind()) {
                                case CREATED_FOR_YOU -> "createdForYou";
                                case REVOKED -> "revoked";
                                case ACCESS_REMOVED -> "accessRemoved";
                                case LEAKED -> "leaked";
                            };
                    String actor = notice.actorName() == null ? "?" : notice.actorName();
                    String reason = notice.reason() == null || notice.reason().isBlank() ? "-" : notice.reason();
                    mailer.sendLater(composer.compose(
                            owner.email(),
                            ExpiryNotifier.name(owner),
                            kind,
                            notice.patId(),
                            notice.patName(),
                            actor,
                            DATE.format(notice.at()),
                            reason));
                });
    }
}
