package dev.scopekeeper.entities.ui;

import dev.scopekeeper.base.Status;
import dev.scopekeeper.entities.ChannelView;
import dev.scopekeeper.entities.ClientView;
import dev.scopekeeper.entities.GroupView;
import java.util.List;

/** What the shared list and detail screens show of a client, channel or group. */
record Item(long id, String name, String description, List<String> tags, Status status, Long parentGroupId) {

    static Item of(ClientView v) {
        return new Item(v.id(), v.name(), null, v.tags(), v.status(), v.parentGroupId());
    }

    static Item of(ChannelView v) {
        return new Item(v.id(), v.name(), null, v.tags(), v.status(), v.parentGroupId());
    }

    static Item of(GroupView v) {
        return new Item(v.id(), v.name(), v.description(), v.tags(), v.status(), v.parentGroupId());
    }

    boolean enabled() {
        return status == Status.ENABLED;
    }
}
