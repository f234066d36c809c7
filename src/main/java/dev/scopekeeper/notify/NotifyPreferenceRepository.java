package dev.scopekeeper.notify;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotifyPreferenceRepository extends JpaRepository<NotifyPreference, Long> {

    /** Of these users, the ones who turned expiry mails off. */
    @Query("select p.userId from NotifyPreference p where p.userId in :userIds and p.expiryMails = false")
    List<Long> findExpiryMailsOff(Collection<Long> userIds);
}
