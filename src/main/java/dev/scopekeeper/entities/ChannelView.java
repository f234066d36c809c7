package dev.scopekeeper.entities;

import dev.scopekeeper.base.Status;
import java.time.Instant;
import java.util.List;

public record ChannelView(
        long id, long domainId, String name, List<String> tags, Status status, Long parentGroupId, Instant createdAt) {}
