package dev.scopekeeper.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's mail choices; no row means the defaults (expiry mails on). Security notices cannot be turned off. */
@Entity
@Table(name = "notify_preference")
class NotifyPreference {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "expiry_mails", nullable = false)
    private boolean expiryMails = true;

    protected NotifyPreference() {}

    NotifyPreference(long userId) {
        this.userId = userId;
    }

    boolean expiryMails() {
        return expiryMails;
    }

    void setExpiryMails(boolean expiryMails) {
        this.expiryMails = expiryMails;
    }
}
