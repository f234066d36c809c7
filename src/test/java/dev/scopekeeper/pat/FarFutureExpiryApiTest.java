package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.MutableClock;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Dates do not stop in 2038: a PAT expiring in 2040 is stored and read back exactly, through the service and the API. */
@ApiTest
class FarFutureExpiryApiTest extends ApiTestBase {

    private static final Instant IN_2040 = Instant.parse("2040-06-01T12:34:56.123456Z");

    @Autowired
    MutableClock clock;

    @Autowired
    PatService pats;

    @Autowired
    JdbcTemplate jdbc;

    UserProfile alice;

    @BeforeEach
    void itIsSeptember2039() {
        // within the default policy's one-year maximum lifetime of the 2040 expiry
        clock.advance(Duration.between(clock.instant(), Instant.parse("2039-09-01T00:00:00Z")));
        alice = users.create("alice", PlatformRole.USER);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
        users.signOut();
    }

    @Test
    void theServiceStoresAndReadsBackAnExpiryIn2040() {
        users.signIn(alice);
        IssuedPat issued = pats.create(new CreatePatRequest("far", "", PatDuration.until(IN_2040), null, List.of()));

        assertThat(issued.pat().expiresAt()).isEqualTo(IN_2040);
        assertThat(pats.get(issued.pat().id()).expiresAt()).isEqualTo(IN_2040);
        assertThat(pats.get(issued.pat().id()).status()).isEqualTo(PatStatus.ACTIVE);
        assertThat(jdbc.queryForObject(
                        "SELECT CAST(expires_at AS CHAR) FROM pat WHERE id = ?",
                        String.class,
                        issued.pat().id()))
                .as("stored as UTC")
                .isEqualTo("2040-06-01 12:34:56.123456");
    }

    @Test
    void theApiStoresAndReadsBackAnExpiryIn2040() {
        String token = api.accessToken(alice);
        Response created = api.post("/api/v1/pats", token, Map.of("name", "far", "expires_at", IN_2040.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();

        assertThat(Instant.parse(created.json().path("expires_at").asString())).isEqualTo(IN_2040);
        Response read = api.get("/api/v1/pats/" + id, token);
        assertThat(Instant.parse(read.json().path("expires_at").asString())).isEqualTo(IN_2040);
        assertThat(read.json().path("status").asString()).isEqualTo("active");
        String secret = created.json().path("secret").asString();
        assertThat(api.get("/api/v1/domains", secret).status())
                .as("the token works")
                .isNotEqualTo(401);
    }
}
