package dev.scopekeeper.domains;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    String VIEW = """
            select new dev.scopekeeper.domains.InvitationView(i.id, i.domainId, d.name, i.inviteeId, invitee.username,
                i.role, i.invitedBy, inviter.username, i.createdAt, i.state)
            from Invitation i join Domain d on d.id = i.domainId
                join User invitee on invitee.id = i.inviteeId join User inviter on inviter.id = i.invitedBy
            """;

    boolean existsByDomainIdAndInviteeIdAndState(long domainId, long inviteeId, InvitationState state);

    Optional<Invitation> findByIdAndDomainId(long id, long domainId);

    @Query(value = VIEW + "where i.id = :id")
    Optional<InvitationView> findView(long id);

    @Query(
            value = VIEW + "where i.domainId = :domainId",
            countQuery = "select count(i) from Invitation i where i.domainId = :domainId")
    Page<InvitationView> findByDomain(long domainId, Pageable page);

    @Query(
            value = VIEW + "where i.invitedBy = :userId and (:allDomains = true or i.domainId in :domainIds)",
            countQuery = """
                    select count(i) from Invitation i
                    where i.invitedBy = :userId and (:allDomains = true or i.domainId in :domainIds)""")
    Page<InvitationView> findSentBy(long userId, boolean allDomains, Collection<Long> domainIds, Pageable page);

    @Query(
            value = VIEW + "where i.inviteeId = :userId and i.state = :state",
            countQuery = "select count(i) from Invitation i where i.inviteeId = :userId and i.state = :state")
    Page<InvitationView> findReceived(long userId, InvitationState state, Pageable page);
}
