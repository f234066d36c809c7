package dev.scopekeeper.security.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scopekeeper.MutableClock;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.ScopekeeperPrincipal;
import dev.scopekeeper.security.SignInThrottle;
import dev.scopekeeper.security.TestUsers;
import dev.scopekeeper.security.UserProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password guessing costs time: per account and address the delays grow after a few free failures, per
 * address a bucket caps failures over many accounts. The right password from another address is never
 * held up. Every API sign-in and refresh is audited. The test profile sets the limits out of reach; each
 * test lowers them at run time (shared context), from addresses of its own via the trusted proxy header.
 */
@ApiTest
class SignInThrottleApiTest {

    private static final String ISSUE = "/api/v1/users/tokens/issue";

    @Autowired
    SignInThrottle throttle;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthenticationManager formLogin;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void lowLimits() {
        throttle.configure(new SignInThrottle.Settings(3, Duration.ofMinutes(15), 10, Duration.ofMinutes(15)));
    }

    @AfterEach
    void defaults() {
        throttle.restoreDefaults();
        clock.reset();
    }

    @Test
    void afterThreeWrongPasswordsTheWaitDoublesButTheRightPasswordFromElsewhereWorks() {
        UserProfile victim = users.create("guessed", PlatformRole.USER);
        String attacker = "203.0.113.10";
        for (int i = 0; i < 3; i++) {
            assertThat(issue(victim.username(), "wrong password " + i, attacker).statusCode())
                    .isEqualTo(401);
        }

        HttpResponse<String> waiting = issue(victim.username(), TestUsers.PASSWORD, attacker);
        assertThat(waiting.statusCode()).isEqualTo(429);
        assertThat(waiting.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(waiting.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(waiting.body())
                .contains("Too many failed sign-ins. Try again in 1 second.")
                .doesNotContain(TestUsers.PASSWORD);
        assertThat(issue(victim.username(), TestUsers.PASSWORD, "198.51.100.10").statusCode())
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(2));
        assertThat(issue(victim.username(), "wrong again", attacker).statusCode())
                .isEqualTo(401);
        assertThat(issue(victim.username(), "wrong again", attacker).headers().firstValue("Retry-After"))
                .hasValue("2");
        clock.advance(Duration.ofSeconds(3));
        assertThat(issue(victim.username(), "wrong thrice", attacker).statusCode())
                .isEqualTo(401);
        assertThat(issue(victim.username(), "wrong", attacker).headers().firstValue("Retry-After"))
                .hasValue("4");

        clock.advance(Duration.ofSeconds(5));
        assertThat(issue(victim.username(), TestUsers.PASSWORD, attacker).statusCode())
                .isEqualTo(200);
        assertThat(issue(victim.username(), "after success", attacker).statusCode())
                .isEqualTo(401);
    }

    @Test
    void oneAddressSprayingManyAccountsRunsOutOfAttempts() {
        throttle.configure(new SignInThrottle.Settings(3, Duration.ofMinutes(15), 5, Duration.ofMinutes(15)));
        String sprayer = "203.0.113.20";
        for (int i = 0; i < 5; i++) {
            assertThat(issue("nobody-" + i + "-" + System.nanoTime(), "guess", sprayer)
                            .statusCode())
                    .isEqualTo(401);
        }
        UserProfile other = users.create("sprayed", PlatformRole.USER);

        HttpResponse<String> refused = issue(other.username(), TestUsers.PASSWORD, sprayer);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 181L);
        assertThat(issue(other.username(), TestUsers.PASSWORD, "198.51.100.20").statusCode())
                .isEqualTo(200);
    }

    @Test
    void theBrowserSignInFormIsThrottledTheSameWayAndItsPrincipalCarriesNoPasswordHash() {
        UserProfile victim = users.create("formguess", PlatformRole.USER);
        for (int i = 0; i < 3; i++) {
            int attempt = i;
            assertThatThrownBy(
                            () -> formLogin.authenticate(form(victim.username(), "wrong " + attempt, "203.0.113.30")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> formLogin.authenticate(form(victim.username(), TestUsers.PASSWORD, "203.0.113.30")))
                .isInstanceOf(SignInThrottle.SignInThrottled.class);
        Authentication elsewhere = formLogin.authenticate(form(victim.username(), TestUsers.PASSWORD, "198.51.100.30"));

        assertThat(elsewhere.getPrincipal()).isInstanceOfSatisfying(ScopekeeperPrincipal.class, principal -> {
            assertThat(principal.id()).isEqualTo(victim.id());
            assertThat(principal.getPassword()).isNull();
        });
        assertThat(elsewhere.getCredentials()).isNull();
        assertThatCode(() -> formLogin.authenticate(form(victim.username(), TestUsers.PASSWORD, "198.51.100.30")))
                .doesNotThrowAnyException();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE event_type = 'LOGIN_FAILED'"
                                + " AND actor_name = ? AND ip = ? AND details LIKE '%SignInThrottled%'",
                        Integer.class, victim.username(), "203.0.113.30"))
                .isEqualTo(1);
        assertThat(audited("LOGIN_SUCCEEDED", victim.username(), "198.51.100.30"))
                .isEqualTo(2);
    }

    @Test
    void everyApiSignInAndRefreshIsAudited() {
        UserProfile user = users.create("audited", PlatformRole.USER);
        String address = "198.51.100.40";
        issue(user.username(), "not my password", address);
        HttpResponse<String> ok = issue(user.username(), TestUsers.PASSWORD, address);
        String refresh = ok.body().replaceAll(".*\"refresh_token\":\"([^\"]+)\".*", "$1");
        assertThat(post("/api/v1/users/tokens/refresh", "{\"refresh_token\":\"" + refresh + "\"}", address)
                        .statusCode())
                .isEqualTo(200);
        post("/api/v1/users/tokens/refresh", "{\"refresh_token\":\"" + refresh + "\"}", address);

        assertThat(audited("API_SIGN_IN_FAILED", user.username(), address)).isEqualTo(1);
        assertThat(audited("API_SIGN_IN_SUCCEEDED", user.username(), address)).isEqualTo(1);
        assertThat(audited("API_TOKEN_REFRESHED", user.username(), address)).isEqualTo(1);
        assertThat(audited("API_REFRESH_REFUSED", user.username(), address)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM audit_event WHERE details LIKE ? OR details LIKE ?",
                        Integer.class,
                        "%" + TestUsers.PASSWORD + "%",
                        "%" + refresh + "%"))
                .isZero();
    }

    private int audited(String type, String actor, String address) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE event_type = ? AND actor_name = ? AND ip = ?",
                Integer.class,
                type,
                actor,
                address);
    }

    private static UsernamePasswordAuthenticationToken form(String username, String password, String address) {
        var request = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return request;
    }

    private HttpResponse<String> issue(String username, String password, String forwardedFor) {
        return post(ISSUE, "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", forwardedFor);
    }

    private HttpResponse<String> post(String path, String json, String forwardedFor) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
