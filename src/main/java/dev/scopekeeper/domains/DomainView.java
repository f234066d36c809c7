package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.Status;
import java.time.Instant;
import java.util.List;

/** A domain as the UI and API see it; {@code myRole} is the caller's effective role (ADMIN for platform admins). */
public record DomainView(
        long id,
        String name,
        String route,
        List<String> tags,
        Status status,
        long createdBy,
        Instant createdAt,
        DomainRole myRole) {}
