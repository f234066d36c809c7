package dev.scopekeeper.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A message channel of a domain; clients connect to it (the connection is stored on {@link Client}). */
@Entity
@Table(name = "channel")
class Channel extends DomainEntity {

    protected Channel() {}

    Channel(long domainId, String name, List<String> tags, Instant createdAt) {
        super(domainId, name, tags, createdAt);
    }

    ChannelView toView() {
        return new ChannelView(
                getId(), getDomainId(), getName(), getTags(), getStatus(), getParentGroupId(), getCreatedAt());
    }
}
