package dev.scopekeeper.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configuration problem deep inside a bean failure is reported as one description and one action. */
class ConfigurationProblemFailureAnalyzerTest {

    @Test
    void theProblemIsFoundInsideTheBeanFailureAndReportedWithItsAction() {
        ConfigurationProblem problem =
                new ConfigurationProblem("No database is configured.", "Set SPRING_DATASOURCE_URL.");
        BeanCreationException failure = new BeanCreationException("dataSource", "creation failed", problem);

        FailureAnalysis analysis = new ConfigurationProblemFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("No database is configured.");
        assertThat(analysis.getAction()).isEqualTo("Set SPRING_DATASOURCE_URL.");
    }
}
