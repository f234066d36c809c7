package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures the API answers 503 (database unavailable) instead of 500. */
class DatabaseFaultsTest {

    @Test
    void aTransactionThatCouldNotBeginOnABrokenPooledConnectionIsUnavailable() {
        // as DatabaseOutageIT met it in CI: the pool handed out a connection the stopped server had closed
        var failure = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new TransactionException("JDBC begin transaction failed: ", new SQLException("Connection is closed")));
        assertThat(DatabaseFaults.unavailable(failure)).isTrue();
        assertThat(DatabaseFaults.conflict(failure)).isFalse();
    }

    @Test
    void anOrdinaryFailureIsNeitherUnavailableNorAConflict() {
        var failure = new IllegalStateException("boom", new SQLException("Duplicate entry", "23000", 1062));
        assertThat(DatabaseFaults.unavailable(failure)).isFalse();
        assertThat(DatabaseFaults.conflict(failure)).isFalse();
    }
}
