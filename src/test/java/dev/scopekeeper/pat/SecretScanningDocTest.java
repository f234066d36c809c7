package dev.scopekeeper.pat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** docs/secret-scanning.md tells the truth: its regex finds our tokens, its checksum recipe checks them. */
class SecretScanningDocTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static String documentedRegex() throws IOException {
        String doc = Files.readString(Path.of("docs", "secret-scanning.md"));
        Matcher m = Pattern.compile("<!-- token-regex -->\\s*```\\s*\\n(.+?)\\n```", Pattern.DOTALL)
                .matcher(doc);
        assertThat(m.find()).as("the regex block in docs/secret-scanning.md").isTrue();
        return m.group(1).strip();
    }

    /** The documented offline check, written as the doc's Python snippet does it. */
    private static boolean documentedChecksumHolds(String token) {
        String body = token.substring(4, 36);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        long value = crc.getValue();
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            digits.insert(0, ALPHABET.charAt((int) (value % 62)));
            value /= 62;
        }
        return digits.toString().equals(token.substring(36));
    }

    @Test
    void theDocumentedRegexAndChecksumMatchGeneratedTokens() throws IOException {
        Pattern regex = Pattern.compile(documentedRegex());
        PatTokens tokens = new PatTokens(null);
        for (int i = 0; i < 500; i++) {
            String token = tokens.generate();
            String line = "export TOKEN=" + token + " # in a CI log";
            Matcher m = regex.matcher(line);
            assertThat(m.find()).as(token).isTrue();
            assertThat(m.group()).isEqualTo(token);
            assertThat(documentedChecksumHolds(token)).as(token).isTrue();
        }
    }

    @Test
    void lookAlikesAreNotMatchedOrFailTheChecksum() throws IOException {
        Pattern regex = Pattern.compile(documentedRegex());
        String token = new PatTokens(null).generate();
        assertThat(regex.matcher(token.substring(0, 41)).find()).as("too short").isFalse();
        assertThat(regex.matcher(token + "x").find()).as("too long").isFalse();
        assertThat(regex.matcher("xpat_" + token.substring(4)).find())
                .as("inside a word")
                .isFalse();
        char last = token.charAt(41);
        String typo = token.substring(0, 41) + (last == 'a' ? 'b' : 'a');
        assertThat(regex.matcher(typo).find()).isTrue();
        assertThat(documentedChecksumHolds(typo)).isFalse();
        assertThat(PatTokens.check(typo)).isEqualTo(PatTokens.Problem.BAD_CHECKSUM);
    }
}
