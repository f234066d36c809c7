package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.base.api.RawHttp;
import dev.scopekeeper.base.api.RawHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Issue 10, item 10, over real HTTP: every response (Vaadin pages, static files, the API, its document and the
 * servlet container's own refusals) carries a Content-Security-Policy with {@code frame-ancestors 'none'},
 * {@code X-Content-Type-Options}, {@code Referrer-Policy}; the session cookie is {@code Secure} behind a TLS
 * proxy; and the sign-in form refuses a POST without the sign-in page's CSRF token (login CSRF).
 */
@ApiTest
class BrowserSecurityHeadersTest {

    @Autowired
    TestUsers testUsers;

    @Autowired
    Environment environment;

    RawHttp raw;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (String path : List.of(
                "/login",
                "/",
                "/pats",
                "/styles/scopekeeper.css",
                "/v3/api-docs",
                "/swagger-ui/index.html",
                "/api/v1/pats",
                "/api/v1/pats?=x",
                "/api/v1/pats;x=1",
                "/api/v1/no-such")) {
            answers.put(path, raw.get(path, null));
        }
        answers.put("header too large", raw.send("GET", "/api/v1/pats", Map.of("X-Big", "b".repeat(9000)), null));
        answers.put("encoded slash", raw.get("/api/v1/pats%2F1", null));
        answers.forEach((what, answer) -> {
            String csp = answer.headers().getOrDefault("content-security-policy", "");
            assertThat(csp).as(what).contains("frame-ancestors 'none'").contains("default-src");
            assertThat(answer.headers().get("x-content-type-options")).as(what).isEqualTo("nosniff");
            assertThat(answer.headers().get("referrer-policy")).as(what).isNotBlank();
        });
        String page = answers.get("/login").headers().get("content-security-policy");
        assertThat(page)
                .contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'", "object-src 'none'", "form-action 'self'");
        assertThat(answers.get("/api/v1/pats").headers().get("content-security-policy"))
                .startsWith("default-src 'none'");
    }

    @Test
    void theSessionCookieIsSecureBehindATlsProxy() {
        Answer overTls = raw.send("GET", "/login", Map.of("X-Forwarded-Proto", "https"), null);
        assertThat(overTls.headers().get("set-cookie"))
                .as(overTls.headers().toString())
                .contains("JSESSIONID")
                .contains("Secure")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void aCrossSitePostToTheSignInFormIsRefused() {
        UserProfile user = testUsers.create("logincsrf", PlatformRole.USER);
        String form = "username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8);

        Answer crossSite = raw.send(
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", "https://evil.example"),
                form.getBytes(StandardCharsets.UTF_8));

        assertThat(crossSite.status()).as(crossSite.body()).isEqualTo(403);
        assertThat(crossSite.headers().getOrDefault("set-cookie", "")).doesNotContain("JSESSIONID");
    }

    @Test
    void theSignInPageItselfStillSignsIn() {
        UserProfile user = testUsers.create("logincsrf", PlatformRole.USER);
        Answer signIn =
                raw.signInThroughTheForm(user.username(), TestUsers.PASSWORD).answer();

        assertThat(signIn.status()).as(signIn.body()).isEqualTo(302);
        assertThat(signIn.headers().get("location")).doesNotContain("error");
    }
}
