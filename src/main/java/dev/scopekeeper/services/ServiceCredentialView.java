package dev.scopekeeper.services;

import java.time.Instant;

/** A service credential as lists and the API show it: never the secret, only its hint. */
public record ServiceCredentialView(long id, String name, String hint, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
