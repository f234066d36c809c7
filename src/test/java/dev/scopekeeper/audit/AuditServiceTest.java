package dev.scopekeeper.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The audit log for administrators, and browser sign-ins being audited. */
@ScopekeeperTest
class AuditServiceTest {

    @Autowired
    AuditService audit;

    @Autowired
    AuditLog log;

    @Autowired
    TestUsers users;

    @Autowired
    ApplicationEventPublisher events;

    @AfterEach
    void signOut() {
        users.signOut();
    }

    private static WebAuthenticationDetails browser() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.9");
        return new WebAuthenticationDetails(request);
    }

    @Test
    void browserSignInsAreAuditedAndAFailedOneKeepsTheUsernameButNeverThePassword() {
        UserProfile user = users.create("signer", PlatformRole.USER);
        var typed = UsernamePasswordAuthenticationToken.unauthenticated("Mallory-" + user.id(), "hunter2 secret");
        typed.setDetails(browser());
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(typed, new BadCredentialsException("bad")));
        var apiAttempt = UsernamePasswordAuthenticationToken.unauthenticated("api-" + user.id(), "x");
        events.publishEvent(
                new AuthenticationFailureBadCredentialsEvent(apiAttempt, new BadCredentialsException("bad")));
        ScopekeeperPrincipal principal = new ScopekeeperPrincipal(user.id(), user.username(), PlatformRole.USER, true);
        var success = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        success.setDetails(browser());
        events.publishEvent(new AuthenticationSuccessEvent(success));

        users.signIn(users.create("auditor", PlatformRole.ADMIN));
        List<AuditEntry> failed = audit.list(
                        new AuditQuery(null, null, "Mallory-" + user.id(), AuditEventType.LOGIN_FAILED, null, 0, 10))
                .items();
        assertThat(failed).singleElement().satisfies(e -> {
            assertThat(e.ip()).isEqualTo("203.0.113.9");
            assertThat(e.toString()).doesNotContain("hunter2");
        });
        assertThat(audit.list(new AuditQuery(null, null, "api-" + user.id(), null, null, 0, 10))
                        .total())
                .as("API token issuing is not a browser sign-in")
                .isZero();
        assertThat(audit.list(new AuditQuery(null, null, user.username(), AuditEventType.LOGIN_SUCCEEDED, null, 0, 10))
                        .items())
                .singleElement()
                .satisfies(e -> assertThat(e.actorId()).isEqualTo(user.id()));
    }

    @Test
    void theLogIsFilteredByTimeActorTypeAndTokenAndExportedAsCsv() {
        UserProfile admin = users.create("auditadm", PlatformRole.ADMIN);
        users.signIn(admin);
        Instant start = Instant.parse("2000-01-01T00:00:00Z");
        log.record(AuditEventType.PAT_RENAMED, "pat", 424_242L, "from=a, to=\"b\", =cmd");
        log.record(AuditEventType.PAT_DESCRIBED, "pat", 424_242L, "name=b");

        var page = audit.list(new AuditQuery(start, null, admin.username(), null, 424_242L, 0, 10));
        assertThat(page.items())
                .extracting(AuditEntry::eventType)
                .containsExactly(AuditEventType.PAT_DESCRIBED, AuditEventType.PAT_RENAMED);
        assertThat(audit.list(new AuditQuery(null, start, admin.username(), null, null, 0, 10))
                        .total())
                .isZero();
        assertThat(audit.list(new AuditQuery(null, null, admin.username(), AuditEventType.PAT_RENAMED, null, 0, 10))
                        .total())
                .isEqualTo(1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(audit.exportCsv(new AuditQuery(null, null, admin.username(), null, 424_242L, 0, 1), out))
                .isEqualTo(2);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(3);
        assertThat(csv).contains("\"from=a, to=\"\"b\"\", =cmd\"");
        assertThat(AuditService.csv("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");

        assertThatThrownBy(() -> audit.list(new AuditQuery(start, start, null, null, null, 0, 10)))
                .isInstanceOf(InvalidInput.class);
        users.signIn(users.create("peeker", PlatformRole.USER));
        assertThatThrownBy(() -> audit.list(new AuditQuery(null, null, null, null, null, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
