package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PatTokensTest {

    private final PatTokens tokens = new PatTokens(null);

    @Test
    void aNewTokenHasThePrefixAFixedLengthAndAValidChecksum() {
        String token = tokens.generate();

        assertThat(token).startsWith("pat_").hasSize(42).matches("pat_[0-9A-Za-z]{38}");
        assertThat(PatTokens.check(token)).isNull();
    }

    @Test
    void tokensAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(tokens.generate())).isTrue();
        }
    }

    @Test
    void aTypoAnywhereInTheBodyIsCaughtByTheChecksum() {
        String token = tokens.generate();
        for (int i = 4; i < token.length(); i++) {
            char original = token.charAt(i);
            char typo = original == 'a' ? 'b' : 'a';
            String mistyped = token.substring(0, i) + typo + token.substring(i + 1);
            assertThat(PatTokens.check(mistyped)).as("typo at %d", i).isEqualTo(PatTokens.Problem.BAD_CHECKSUM);
        }
    }

    @Test
    void somethingThatIsNotATokenIsMalformed() {
        String token = tokens.generate();
        assertThat(PatTokens.check(null)).isEqualTo(PatTokens.Problem.MALFORMED);
        assertThat(PatTokens.check("")).isEqualTo(PatTokens.Problem.MALFORMED);
        assertThat(PatTokens.check("ghp_" + token.substring(4))).isEqualTo(PatTokens.Problem.MALFORMED);
        assertThat(PatTokens.check(token + "x")).isEqualTo(PatTokens.Problem.MALFORMED);
        assertThat(PatTokens.check(token.substring(0, 41) + "-")).isEqualTo(PatTokens.Problem.MALFORMED);
    }

    @Test
    void theDigestIsSha256OfTheTokenOrAnHmacWithThePepper() {
        String token = tokens.generate();

        String plain = tokens.digest(token);
        String peppered = new PatTokens("server pepper".getBytes(StandardCharsets.UTF_8)).digest(token);

        assertThat(plain).hasSize(64).isEqualTo(tokens.digest(token)).doesNotContain(token.substring(4, 20));
        assertThat(peppered).hasSize(64).isNotEqualTo(plain);
        // FIPS 180-2 test vector
        assertThat(tokens.digest("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void everyDigestStartsFresh_thePreparedDigestersCarryNothingFromOneCallToTheNext() throws Exception {
        PatTokens peppered = new PatTokens("Jefe".getBytes(StandardCharsets.US_ASCII));
        String rfc4231 = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<List<String>>>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    List<String> digests = new java.util.ArrayList<>();
                    for (int n = 0; n < 500; n++) {
                        digests.add(tokens.digest("abc"));
                        digests.add(peppered.digest("what do ya want for nothing?"));
                    }
                    return digests;
                }));
            }
            for (var call : calls) {
                List<String> digests = call.get();
                for (int n = 0; n < digests.size(); n += 2) {
                    // FIPS 180-2 and RFC 4231 (test case 2) vectors, on every call from any thread
                    assertThat(digests.get(n))
                            .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
                    assertThat(digests.get(n + 1)).isEqualTo(rfc4231);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHintShowsOnlyTheStartAndTheEnd() {
        String token = tokens.generate();

        String hint = PatTokens.hint(token);

        assertThat(hint).isEqualTo(token.substring(0, 8) + "…" + token.substring(38));
        assertThat(hint.replace("…", "")).hasSize(12);
    }
}
