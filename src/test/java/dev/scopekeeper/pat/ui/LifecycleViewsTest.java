package dev.scopekeeper.pat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatGrace;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Expiring soon in the table and the header; rotation with grace on the detail page. */
class LifecycleViewsTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @BeforeEach
    void signIn() {
        signInAsNew("lifecycle", PlatformRole.USER);
    }

    private long token(String name, int days) {
        return pats.create(new CreatePatRequest(name, "", PatDuration.days(days), null, List.of()))
                .pat()
                .id();
    }

    @Test
    void theTableMarksTokensExpiringWithinSevenDaysAndTheHeaderCountsThem() {
        token("soon", 1);
        token("later", 30);
        token("week", 7);

        PatListView view = navigate(PatListView.class);
        var grid = test(view.grid);
        List<String> marked = IntStream.range(0, grid.size())
                .filter(i -> grid.getCellComponent(i, "expires")
                        .getElement()
                        .getTextRecursively()
                        .contains("Expires soon"))
                .mapToObj(i -> grid.getRow(i).name())
                .toList();
        assertThat(marked).containsExactlyInAnyOrder("soon", "week");

        RouterLink link =
                find(RouterLink.class).withClassName("sk-expiring-soon").single();
        assertThat(link.getElement().getTextRecursively()).contains("2 expiring soon");
        // the phone-width form: the count alone, hidden from screen readers (the link's aria-label says it all)
        assertThat(link.getChildren()
                        .filter(c -> c.getClassNames().contains("sk-expiring-soon-count"))
                        .map(c ->
                                c.getElement().getText() + "/" + c.getElement().getAttribute("aria-hidden")))
                .containsExactly("2/true");
        assertThat(link.getElement().getAttribute("aria-label")).isEqualTo("My tokens expiring within 7 days: 2");
        assertThat(link.getHref()).isEqualTo("pats?filter=expiring");

        UI.getCurrent().navigate("pats", QueryParameters.of(PatListView.FILTER_PARAMETER, "expiring"));
        PatListView filtered = (PatListView) getCurrentView();
        assertThat(filtered.expiringOnly.isVisible()).isTrue();
        assertThat(filtered.expiringOnly.label.getText()).isEqualTo("Expiring soon");
        var rows = test(filtered.grid);
        assertThat(IntStream.range(0, rows.size())
                        .mapToObj(i -> rows.getRow(i).name())
                        .toList())
                .containsExactly("soon", "week");

        test(filtered.expiringOnly.clear).click();
        assertThat(filtered.expiringOnly.isVisible()).isFalse();
        assertThat(test(filtered.grid).size()).isEqualTo(3);
    }

    @Test
    void regeneratingWithAGraceShowsTheOldSecretRowAndStopNowEndsIt() {
        long id = token("rotated", 30);
        PatDetailView view = navigate("pats/" + id, PatDetailView.class);
        assertThat(view.graceRow.isVisible()).isFalse();

        test(view.regenerate).click();
        Dialog dialog = find(Dialog.class).single();
        @SuppressWarnings("unchecked")
        Select<PatGrace> grace = find(Select.class)
                .from(dialog)
                .withCaption("Keep the old secret working for")
                .single();
        assertThat(grace.getListDataView().getItems().toList())
                .containsExactly(PatGrace.NONE, PatGrace.ONE_HOUR, PatGrace.ONE_DAY, PatGrace.SEVEN_DAYS);
        test(grace).selectItem("1 hour");
        test(find(Button.class).from(dialog).withText("Regenerate").single()).click();

        assertThat(view.graceRow.isVisible()).isTrue();
        assertThat(view.graceRow.text.getText())
                .startsWith("Old secret still accepted until ")
                .endsWith("(0 requests since rotation)");
        assertThat(view.secretPanel).as("the new secret is shown once").isNotNull();

        test(view.graceRow.stop).click();
        assertThat(view.graceRow.isVisible()).isFalse();
        assertThat(notifications()).contains("The old secret no longer works");
    }

    @Test
    void regeneratingWithoutChoosingAGraceKeepsNone() {
        long id = token("plain", 30);
        PatDetailView view = navigate("pats/" + id, PatDetailView.class);
        test(view.regenerate).click();
        Dialog dialog = find(Dialog.class).single();
        test(find(Button.class).from(dialog).withText("Regenerate").single()).click();
        assertThat(view.graceRow.isVisible()).isFalse();
        assertThat(find(Span.class).withText("Expires soon").exists()).isFalse();
    }
}
