package dev.scopekeeper.entities;

import dev.scopekeeper.base.Status;
import java.time.Instant;
import java.util.List;

public record GroupView(
        long id,
        long domainId,
        String name,
        String description,
        List<String> tags,
        Status status,
        Long parentGroupId,
        Instant createdAt) {}
