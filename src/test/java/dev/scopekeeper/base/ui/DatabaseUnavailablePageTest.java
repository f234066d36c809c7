package dev.scopekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.security.PlatformRole;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which page a screen that failed to load becomes (issue 13): with the database unavailable anywhere in the
 * failure's cause chain, the "Database unavailable" page with 503, however Spring and Hibernate wrapped it; any
 * other failure Vaadin's internal error, as before. The page opens the screen asked for once the database answers
 * (here it does). Failures are handed to Vaadin's router as a failing navigation hands them
 * ({@code Router.handleExceptionNavigation}), so Vaadin's own choice of the error view is what is tested.
 */
class DatabaseUnavailablePageTest extends BrowserlessTestBase {

    @Test
    void aTransactionThatCouldNotBeginOnAClosedConnectionShowsTheDatabaseUnavailablePage() {
        signInAsNew("closed", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);
        // no SQLTransientConnectionException or SQLNonTransientConnectionException anywhere in the chain
        var failure = new CannotCreateTransactionException(
                "Could not open JPA EntityManager for transaction",
                new TransactionException("JDBC begin transaction failed: ", new SQLException("Connection is closed")));

        int status = fail("pats", failure);

        assertThat(status).isEqualTo(503);
        assertThat(getCurrentView()).isInstanceOf(ServerErrorView.class);
        assertThat(heading()).isEqualTo("Database unavailable");
        Element alert = shown().filter(e -> "alert".equals(e.getAttribute("role")))
                .findFirst()
                .orElseThrow();
        assertThat(alert.getTextRecursively()).contains("tries again every few seconds by itself");
        assertThat(((ServerErrorView) getCurrentView()).getPageTitle()).isEqualTo("Database unavailable | Scopekeeper");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(DatabaseUnavailableView.RETRY_MILLIS);
    }

    @Test
    void thePoolsTimeOutWrappedByHibernateShowsTheDatabaseUnavailablePage() {
        signInAsNew("timeout", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);
        var failure = new org.springframework.dao.DataAccessResourceFailureException(
                "Unable to acquire JDBC Connection",
                new JDBCConnectionException(
                        "Unable to acquire JDBC Connection",
                        new SQLTransientConnectionException("Connection is not available, request timed out")));

        assertThat(fail("pats", failure)).isEqualTo(503);
        assertThat(heading()).isEqualTo("Database unavailable");
    }

    @Test
    void anyOtherFailureIsVaadinsInternalErrorAsBefore() {
        signInAsNew("other", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);

        int status =
                fail("pats", new IllegalStateException("boom", new SQLException("Duplicate entry", "23000", 1062)));

        assertThat(status).isEqualTo(500);
        assertThat(getCurrentView()).isInstanceOf(InternalServerError.class);
        assertThat(shown().map(Element::getTag)).doesNotContain("h1");
        assertThat(getCurrentView().getElement().getTextRecursively()).doesNotContain("Database unavailable");
    }

    @Test
    void onceTheDatabaseAnswersAPollOpensTheScreenThatWasAskedFor() {
        signInAsNew("back", PlatformRole.USER);
        navigate("", com.vaadin.flow.component.Component.class);
        fail("pats", new CannotCreateTransactionException("Could not open JPA EntityManager for transaction"));
        assertThat(heading()).isEqualTo("Database unavailable");

        // the test database answers: the next poll of the browser opens /pats again, in the same UI
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(find(H1.class).single().getText()).isEqualTo("Personal Access Tokens");
        assertThat(ui.getInternals().getActiveViewLocation().getPath()).isEqualTo("pats");
        assertThat(ui.getPollInterval())
                .as("no more polling once the screen is back")
                .isEqualTo(-1);
    }

    /**
     * The elements of the page shown. Browserless's {@code find} refuses to look into a view that extends Vaadin's
     * {@code InternalServerError} (it takes it for a failed test), so the error page is read from its elements.
     */
    private Stream<Element> shown() {
        return descendants(getCurrentView().getElement()).filter(e -> !e.isTextNode());
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(
                Stream.of(element), element.getChildren().flatMap(DatabaseUnavailablePageTest::descendants));
    }

    private String heading() {
        return shown().filter(e -> "h1".equals(e.getTag()))
                .map(Element::getText)
                .findFirst()
                .orElseThrow();
    }

    private static int fail(String path, Exception failure) {
        UI ui = UI.getCurrent();
        return ui.getInternals()
                .getRouter()
                .handleExceptionNavigation(ui, new Location(path), failure, NavigationTrigger.PROGRAMMATIC, null);
    }
}
