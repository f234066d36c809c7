package dev.scopekeeper.domains;

import dev.scopekeeper.authz.DomainRole;
import java.time.Instant;

/** An invitation with the names a person needs to recognise it. */
public record InvitationView(
        long id,
        long domainId,
        String domainName,
        long inviteeId,
        String inviteeUsername,
        DomainRole role,
        long invitedBy,
        String invitedByUsername,
        Instant createdAt,
        InvitationState state) {}
