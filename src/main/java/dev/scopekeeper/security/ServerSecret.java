package dev.scopekeeper.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key the server generated for itself; written once, never changed. */
@Entity
@Table(name = "server_secret")
class ServerSecret {

    @Id
    @Column(name = "name")
    private String name;

    /** Base64 of the raw key bytes. */
    @Column(name = "secret_value", nullable = false, updatable = false)
    private String value;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ServerSecret() {
    }

    String getValue() {
        return value;
    }

    @Override
    public String toString() {
        return "ServerSecret[name=" + name + "]";
    }
}
