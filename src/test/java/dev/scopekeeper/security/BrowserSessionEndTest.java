package dev.scopekeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.base.api.RawHttp;
import dev.scopekeeper.base.api.RawHttp.Answer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A stolen (or merely forgotten) browser session ends with the account change behind it, over real HTTP with
 * real form sign-ins: a disabled, demoted or password-reset user's sessions are sent to the sign-in page on their
 * next request (a demoted admin no longer opens /admin); a user's own password change ends their other sessions
 * and keeps the one that made the change.
 */
@ApiTest
class BrowserSessionEndTest {

    private static final String NEW_PASSWORD = "a brand new passphrase for sessions";

    @Autowired
    TestUsers testUsers;

    @Autowired
    UserAdministrationService administration;

    @Autowired
    UserService userService;

    @Autowired
    Environment environment;

    RawHttp raw;
    UserProfile admin;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(environment.getRequiredProperty("local.server.port", Integer.class));
        admin = testUsers.create("sessionadmin", PlatformRole.ADMIN);
    }

    @AfterEach
    void tearDown() {
        testUsers.signOut();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void disablingAUserEndsEveryBrowserSession() {
        UserProfile user = testUsers.create("sessiondisable", PlatformRole.USER);
        String first = signIn(user);
        String second = signIn(user);
        assertSignedIn(first, "/pats");
        assertSignedIn(second, "/pats");

        testUsers.signIn(admin);
        administration.disable(user.id());

        assertSentToSignIn(first, "/pats");
        assertSentToSignIn(second, "/pats");
    }

    @Test
    void aDemotedAdministratorNoLongerOpensTheAdministrationPages() {
        UserProfile demoted = testUsers.create("sessiondemote", PlatformRole.ADMIN);
        String session = signIn(demoted);
        assertSignedIn(session, "/admin/users");

        testUsers.signIn(admin);
        administration.changeRole(demoted.id(), PlatformRole.USER);

        assertSentToSignIn(session, "/admin/users");
        assertSentToSignIn(session, "/pats");
        // signing in again starts a session of the account as it is now (a USER), which stays signed in
        assertSignedIn(signIn(demoted), "/pats");
    }

    @Test
    void anAdministratorsPasswordResetEndsEveryBrowserSession() {
        UserProfile user = testUsers.create("sessionreset", PlatformRole.USER);
        String session = signIn(user);
        assertSignedIn(session, "/pats");

        testUsers.signIn(admin);
        administration.resetPassword(user.id(), NEW_PASSWORD);

        assertSentToSignIn(session, "/pats");
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        UserProfile user = testUsers.create("sessionown", PlatformRole.USER);
        String here = signIn(user);
        String elsewhere = signIn(user);

        // the change is made from the session "here" (as the profile page's request would be)
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(new MockHttpSession(null, here.substring("JSESSIONID=".length())));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        testUsers.signIn(user);
        userService.changePassword(TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        RequestContextHolder.resetRequestAttributes();

        assertSignedIn(here, "/pats");
        assertSentToSignIn(elsewhere, "/pats");
    }

    @Test
    void anotherUsersChangeLeavesThisUserSignedIn() {
        UserProfile bystander = testUsers.create("sessionbystander", PlatformRole.USER);
        UserProfile user = testUsers.create("sessiontarget", PlatformRole.USER);
        String session = signIn(bystander);

        testUsers.signIn(admin);
        administration.disable(user.id());

        assertSignedIn(session, "/pats");
    }

    private void assertSignedIn(String cookie, String path) {
        Answer answer = raw.send("GET", path, Map.of("Cookie", cookie), null);
        assertThat(answer.status()).as(path + " " + answer.headers()).isEqualTo(200);
    }

    private void assertSentToSignIn(String cookie, String path) {
        Answer answer = raw.send("GET", path, Map.of("Cookie", cookie), null);
        assertThat(answer.status()).as(path + " " + answer.headers()).isEqualTo(302);
        assertThat(answer.headers().get("location")).endsWith("/login");
    }

    /** Signs in through the form (with the sign-in page's CSRF token); the session cookie of the signed-in session. */
    private String signIn(UserProfile user) {
        RawHttp.FormSignIn signIn = raw.signInThroughTheForm(user.username(), TestUsers.PASSWORD);
        assertThat(signIn.answer().status()).as(signIn.answer().body()).isEqualTo(302);
        assertThat(signIn.answer().headers().get("location")).doesNotContain("error");
        return signIn.session();
    }
}
