package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ApiTestBase;
import dev.scopekeeper.MutableClock;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.api.ApiClient.Response;
import dev.scopekeeper.base.api.ApiTest;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * attack3 finding: after a regeneration with a grace period, the replaced (old) secret still works until the grace
 * ends, but what it tells about its own expiry is the new secret's expiry. A resource server that caches an RFC 7662
 * answer until {@code exp}, or a script that trusts {@code Scopekeeper-Token-Expires}, believes the old secret lives
 * for the new duration (e.g. a year) while it dies when the grace ends (e.g. one hour).
 */
@ApiTest
class GraceSecretExpiryAttackTest extends ApiTestBase {

    @Autowired
    MutableClock clock;

    String adminToken;
    String userToken;
    String clientPath;
    long patId;
    String oldSecret;
    String service;

    @BeforeEach
    void aliceHasAPatAndAServiceAsksAboutIt() {
        adminToken = api.accessToken(users.create("graceadmin", PlatformRole.ADMIN));
        UserProfile alice = users.create("gracealice", PlatformRole.USER);
        userToken = api.accessToken(alice);
        long domain = domains.domain("GraceExpiry");
        domains.member(domain, alice, DomainRole.EDITOR);
        long client = domains.client(domain, "pump");
        clientPath = "/api/v1/domains/" + domain + "/clients/" + client;
        JsonNode pat = createClientViewPat(userToken, "deploy", "1d", domain, String.valueOf(client));
        patId = pat.path("id").asLong();
        oldSecret = pat.path("secret").asString();
        Response created =
                api.post("/api/v1/admin/services", adminToken, Map.of("name", "graceexpiry-" + System.nanoTime()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        service = created.json().path("secret").asString();
    }

    @AfterEach
    void reset() {
        clock.reset();
        users.signOut();
    }

    private Instant regenerateForAYearWithOneHourOfGrace() {
        Response response = api.patch(
                "/api/v1/pats/" + patId + "/secret/reset", userToken, Map.of("duration", "365d", "grace", "1h"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return clock.instant().plus(Duration.ofHours(1)).plus(Duration.ofMinutes(1));
    }

    @Test
    void introspectingTheOldSecretDuringItsGraceGivesTheGraceEndAsExp() {
        Instant graceEnd = regenerateForAYearWithOneHourOfGrace();

        Response introspected = api.post("/api/v1/introspect", service, Map.of("token", oldSecret));
        assertThat(introspected.status()).as(introspected.body()).isEqualTo(200);
        assertThat(introspected.json().path("active").asBoolean()).isTrue();
        assertThat(introspected.json().path("exp").asLong())
                .as("the old secret stops working when the grace ends; exp must not promise the new secret's year")
                .isLessThanOrEqualTo(graceEnd.getEpochSecond());
    }

    @Test
    void theOldSecretsExpiryHeaderSaysWhenTheGraceEnds() {
        Instant graceEnd = regenerateForAYearWithOneHourOfGrace();

        Response used = api.get(clientPath, oldSecret);
        assertThat(used.status()).as(used.body()).isEqualTo(200);
        String header = used.headers().firstValue("Scopekeeper-Token-Expires").orElse(null);
        assertThat(header).isNotNull().isNotEqualTo("never");
        assertThat(Instant.parse(header))
                .as("the old secret's Scopekeeper-Token-Expires must be the end of its grace, not the new expiry")
                .isBeforeOrEqualTo(graceEnd);
    }
}
