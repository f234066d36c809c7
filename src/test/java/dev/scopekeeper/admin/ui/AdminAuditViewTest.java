package dev.scopekeeper.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.BrowserlessTestBase;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminAuditViewTest extends BrowserlessTestBase {

    @Autowired
    PatService pats;

    @Test
    void anAdministratorFiltersTheLogAndDownloadsTheFilteredViewAsCsv() {
        UserProfile owner = testUsers.create("audited", PlatformRole.USER);
        testUsers.signIn(owner);
        long id = pats.create(new CreatePatRequest("watched", "d", PatDuration.days(7), null, List.of()))
                .pat()
                .id();
        pats.revoke(id);
        signInAsNew("audadmin", PlatformRole.ADMIN);
        AdminAuditView view = navigate(AdminAuditView.class);

        test(view.actor).setValue(owner.username());
        assertThat(test(view.grid).size()).isEqualTo(2);
        test(view.type).selectItem("Token revoked");
        assertThat(test(view.grid).size()).isEqualTo(1);
        // words on the screen, the code in the tooltip and the CSV (issue 11)
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("type")))
                .isEqualTo("Token revoked");
        assertThat(view.grid
                        .getColumnByKey("type")
                        .getTooltipGenerator()
                        .apply(test(view.grid).getRow(0)))
                .isEqualTo("PAT_REVOKED");
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("details")))
                .contains("watched");
        test(view.type).selectItem("All");
        test(view.tokenId).setValue((int) id);
        assertThat(test(view.grid).size()).isEqualTo(2);

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        test(view.download).download(csv);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,occurred_at,event_type");
        assertThat(lines.get(1)).contains("PAT_REVOKED");
    }

    @Test
    void anEmptyTimeRangeIsRefusedAtTheField() {
        signInAsNew("audadmin", PlatformRole.ADMIN);
        AdminAuditView view = navigate(AdminAuditView.class);
        LocalDateTime noon = LocalDateTime.of(2030, 1, 1, 12, 0);
        view.range(noon, noon.minusHours(1));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(view.to.getErrorMessage()).isEqualTo("The end of the time range must be after its start");
    }

    @Test
    void everyEventTypeHasWords() {
        signInAsNew("audwords", PlatformRole.ADMIN);
        AdminAuditView view = navigate(AdminAuditView.class);
        for (dev.scopekeeper.audit.AuditEventType type : dev.scopekeeper.audit.AuditEventType.values()) {
            assertThat(view.eventLabel(type))
                    .as(type.name())
                    .isNotEqualTo(type.name())
                    .doesNotContain("_");
        }
    }
}
