package dev.scopekeeper.entities;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A device or service of a domain. Only the SHA-256 digest of its secret is kept. It owns its channel connections. */
@Entity
@Table(name = "client")
class Client extends DomainEntity {

    @Column(name = "secret_digest", nullable = false, length = 64)
    private String secretDigest;

    @ElementCollection
    @CollectionTable(name = "client_channel", joinColumns = @JoinColumn(name = "client_id"))
    @Column(name = "channel_id")
    private Set<Long> channelIds = new HashSet<>();

    protected Client() {}

    Client(long domainId, String name, List<String> tags, String secretDigest, Instant createdAt) {
        super(domainId, name, tags, createdAt);
        this.secretDigest = secretDigest;
    }

    void setSecretDigest(String secretDigest) {
        this.secretDigest = secretDigest;
    }

    /** Idempotent. */
    void connect(long channelId) {
        channelIds.add(channelId);
    }

    /** Idempotent. */
    void disconnect(long channelId) {
        channelIds.remove(channelId);
    }

    ClientView toView() {
        return new ClientView(
                getId(), getDomainId(), getName(), getTags(), getStatus(), getParentGroupId(), getCreatedAt());
    }
}
