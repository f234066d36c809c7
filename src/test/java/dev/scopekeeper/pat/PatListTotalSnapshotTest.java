package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.pat.PatService.PatQuery;
import dev.scopekeeper.pat.PatService.SortBy;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * attack2: the kept {@code total} of the PAT list must not be a count read in a snapshot older than the last change.
 *
 * <p>On MariaDB (REPEATABLE READ) {@link PatService#list} reads its page first, which fixes the transaction's
 * snapshot, and only then asks {@link PatListCounts} for the total, which notes its generation and counts. A token
 * created (committed and evicted) between the page and the count leaves the count reading the old snapshot while
 * the generation is already the new one, so the stale count is kept until the owner's next change (up to 5
 * minutes). Seen from outside by racing {@code GET /api/v1/pats?limit=1} against creates and deletes: afterwards
 * {@code total} stays one off the number of tokens. Here the snapshot is fixed by a read of the same transaction
 * just before {@code list}, which is what the page query does in the race.
 */
@ScopekeeperTest
class PatListTotalSnapshotTest {

    @Autowired
    PatService pats;

    @Autowired
    TestUsers users;

    @Autowired
    PlatformTransactionManager transactions;

    final PatQuery onePerPage = new PatQuery(Optional.empty(), null, 0, 1, SortBy.NAME, false);

    @AfterEach
    void signOut() {
        users.signOut();
    }

    @Test
    void aTokenCreatedWhileTheListIsBeingReadIsCountedInTheNextTotal() {
        UserProfile owner = users.create("snapshot", PlatformRole.USER);
        users.signIn(owner);
        for (String name : List.of("one", "two", "three")) {
            pats.create(new CreatePatRequest(name, "", PatDuration.days(7), null, List.of()));
        }

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> {
            pats.listSlice(onePerPage); // the page query: fixes this transaction's snapshot
            CompletableFuture.runAsync(() -> {
                        users.signIn(owner);
                        try {
                            pats.create(new CreatePatRequest("four", "", PatDuration.days(7), null, List.of()));
                        } finally {
                            users.signOut();
                        }
                    })
                    .join(); // committed, and the owner's kept totals evicted, before the count runs
            pats.list(onePerPage);
        });

        assertThat(pats.list(onePerPage).total())
                .as("total of the PAT list after a fourth token was created")
                .isEqualTo(4);
    }
}
