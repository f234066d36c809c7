package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.shared.Registration;
import dev.scopekeeper.base.db.DatabaseProbe;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The page shown instead of a screen that could not load because the database is unavailable (chosen by
 * {@link ServerErrorView}): "Database unavailable, retrying". While it is shown the browser polls every
 * {@value #RETRY_MILLIS} ms; each poll asks {@link DatabaseProbe} in the background (while the database is down that
 * takes the pool's time-out, which must not hold the session's lock), and once the database answers, the screen the
 * user asked for is opened again in place: no page reload, the same UI and session. No parent layout: the app's
 * frame itself reads from the database.
 */
public class DatabaseUnavailableView extends Main {

    static final int RETRY_MILLIS = 5_000;

    /** How long a poll waits for a probe it started: an answering database answers well within it. */
    private static final long PROBE_WAIT_MILLIS = 500;

    private static final Executor PROBES =
            task -> Thread.ofVirtual().name("database-probe").start(task);

    private final DatabaseProbe probe;
    private final Anchor retry = new Anchor("", getTranslation("db.unavailable.retry"));
    private Registration polling;
    private CompletableFuture<Boolean> pending;

    DatabaseUnavailableView(DatabaseProbe probe) {
        this.probe = probe;
        addClassNames("sk-page", "sk-db-unavailable");
        Div alert = new Div(
                new H1(getTranslation("db.unavailable.title")), new Paragraph(getTranslation("db.unavailable.text")));
        alert.getElement().setAttribute("role", "alert");
        // a full page load of the same address, for someone who does not want to wait
        retry.getElement().setAttribute("router-ignore", true);
        add(alert, retry);
    }

    /** The address the user asked for: "Try again now" loads it. */
    void showFor(Location location) {
        retry.setHref(location.getPathWithQueryParameters());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        // the notice that the last action was not saved stays readable, below this page's heading, not over it
        Feedback.moveOpenNotificationToTheBottom(ui);
        ui.setPollInterval(RETRY_MILLIS);
        polling = ui.addPollListener(poll -> retryIfBack(ui));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detachEvent.getUI().setPollInterval(-1);
    }

    /** On a poll (a request of the browser, so the user's security context is there for the navigation). */
    private void retryIfBack(UI ui) {
        if (pending == null) {
            pending = CompletableFuture.supplyAsync(probe::reachable, PROBES);
        }
        boolean back;
        try {
            back = pending.get(PROBE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillProbing) {
            return; // the next poll looks again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            back = false;
        }
        pending = null;
        if (back) {
            // the route the user asked for, with its layout built anew; if it still fails, this page again
            ui.refreshCurrentRoute(true);
        }
    }
}
