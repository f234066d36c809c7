package dev.scopekeeper.pat.ui;

import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.entities.ChannelService;
import dev.scopekeeper.entities.ClientService;
import dev.scopekeeper.entities.GroupService;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What the scopes editor offers: the caller's domains and the entities of one domain, a page at a time
 * through the domain and entity services (so their access rules apply).
 */
@Component
class ScopeChoices {

    /** An entity a scope can point at; {@link #ANY} stands for {@code *}. */
    record EntityOption(String id, String name) {
        static final EntityOption ANY = new EntityOption("*", null);

        boolean isAny() {
            return "*".equals(id);
        }
    }

    private final DomainService domains;
    private final CurrentDomainService current;
    private final ClientService clients;
    private final ChannelService channels;
    private final GroupService groups;

    ScopeChoices(
            DomainService domains,
            CurrentDomainService current,
            ClientService clients,
            ChannelService channels,
            GroupService groups) {
        this.domains = domains;
        this.current = current;
        this.clients = clients;
        this.channels = channels;
        this.groups = groups;
    }

    Optional<DomainView> currentDomain() {
        return current.currentDomain();
    }

    Stream<DomainView> domains(String filter, int offset, int limit) {
        return Pages.fetch(
                offset, limit, (o, l) -> domains.list(ListQuery.page(o, l).withName(filter)));
    }

    /** The domains of the user a token is minted for (an administrator minting for someone else). */
    Stream<DomainView> domainsOf(long userId, String filter, int offset, int limit) {
        return Pages.fetch(
                offset,
                limit,
                (o, l) -> domains.listOfMember(userId, ListQuery.page(o, l).withName(filter)));
    }

    /** A page of the domain's entities of this type, the "any" choice first when not filtering. */
    Stream<EntityOption> entities(long domainId, EntityType type, String filter, int offset, int limit) {
        boolean withAny = filter == null || filter.isBlank();
        int from = offset;
        int count = limit;
        Stream<EntityOption> head = Stream.empty();
        if (withAny) {
            if (offset == 0) {
                head = Stream.of(EntityOption.ANY);
                count--;
            } else {
                from--;
            }
        }
        if (count <= 0) {
            return head;
        }
        return Stream.concat(head, Pages.fetch(from, count, (o, l) -> entityPage(domainId, type, filter, o, l)));
    }

    private ListResult<EntityOption> entityPage(long domainId, EntityType type, String filter, int offset, int limit) {
        ListQuery query = ListQuery.page(offset, limit).withName(filter);
        List<EntityOption> items =
                switch (type) {
                    case CLIENTS ->
                        clients.list(domainId, query).items().stream()
                                .map(c -> new EntityOption(Long.toString(c.id()), c.name()))
                                .toList();
                    case CHANNELS ->
                        channels.list(domainId, query).items().stream()
                                .map(c -> new EntityOption(Long.toString(c.id()), c.name()))
                                .toList();
                    case GROUPS ->
                        groups.list(domainId, query).items().stream()
                                .map(g -> new EntityOption(Long.toString(g.id()), g.name()))
                                .toList();
                    case DOMAINS -> List.of();
                };
        return new ListResult<>(items.size(), offset, limit, items);
    }
}
