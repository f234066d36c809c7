package dev.scopekeeper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guard itself (the real count is the JVM's; this one is a ledger of its own). */
class ContextBudgetTest {

    @Test
    void contextsUpToTheBudgetAreAdmittedAndTheNextIsRefusedNamingEveryTestClass() {
        ContextBudget.Ledger ledger = new ContextBudget.Ledger();

        assertThat(ledger.admit("a.SharedTest", 2)).isNull();
        assertThat(ledger.admit("b.OtherConfigurationTest", 2)).isNull();
        String refusal = ledger.admit("c.DirtiesContextTest", 2);

        assertThat(refusal)
                .startsWith("Spring context budget exceeded: c.DirtiesContextTest would start Spring"
                        + " application context #3 of this test JVM, budget 2 (scopekeeper.test.context-budget)")
                .contains("[a.SharedTest, b.OtherConfigurationTest]");
        assertThat(ledger.started()).hasSize(3);
    }

    @Test
    void withoutABudgetEveryContextIsAdmitted() {
        ContextBudget.Ledger ledger = new ContextBudget.Ledger();

        for (int i = 0; i < 50; i++) {
            assertThat(ledger.admit("SomeTest" + i, null)).isNull();
        }
    }
}
