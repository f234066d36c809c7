package dev.scopekeeper.entities;

import dev.scopekeeper.base.Status;
import java.time.Instant;
import java.util.List;

/** A client without its secret (which is never readable after it was issued). */
public record ClientView(
        long id, long domainId, String name, List<String> tags, Status status, Long parentGroupId, Instant createdAt) {}
