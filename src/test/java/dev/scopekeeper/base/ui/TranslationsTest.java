package dev.scopekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UI text comes from {@code vaadin-i18n/translations.properties}: no view hard-codes a caption, and
 * every key the code asks for exists (a missing one would show the raw key to the user).
 */
class TranslationsTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern HARD_CODED = Pattern.compile("(?:\\.(?:setText|setLabel|setHeader|setHelperText"
            + "|setPlaceholder|setAriaLabel|setTooltipText|setConfirmText|setCancelText|setErrorMessage|setTitle)"
            + "|Notification\\.show|new (?:Button|Span|H1|H2|H3|H4|Paragraph|Tab|Checkbox|TextField|Details))"
            + "\\(\"[A-Za-z][^\"]*\"");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:[a-z][A-Za-z0-9]*\\.)+[a-z][A-Za-z0-9]*)\"");
    private static Properties translations;

    @BeforeAll
    static void loadTranslations() throws IOException {
        translations = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/translations.properties")) {
            translations.load(in);
        }
    }

    @Test
    void viewsDoNotHardCodeUserFacingText() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (!file.toString().contains("/ui/")) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher matcher = HARD_CODED.matcher(lines.get(i));
                if (matcher.find()) {
                    offenders.add(file + ":" + (i + 1) + " " + matcher.group());
                }
            }
        }
        assertThat(offenders).as("UI text belongs in translations.properties").isEmpty();
    }

    @Test
    void everyTranslationKeyTheCodeUsesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher matcher = KEY_LITERAL.matcher(source);
            while (matcher.find()) {
                String key = matcher.group(1);
                if (looksLikeTranslationKey(key) && !translations.containsKey(key) && !isKeyPrefix(key)) {
                    missing.add(file.getFileName() + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        List<String> keys =
                Files.readAllLines(Path.of("src", "main", "resources", "vaadin-i18n", "translations.properties"))
                        .stream()
                        .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                        .map(line -> line.substring(0, line.indexOf('=')).strip())
                        .toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    /** Keys start with a prefix that the bundle uses; other dotted literals (packages, properties) are ignored. */
    private static boolean looksLikeTranslationKey(String literal) {
        String prefix = literal.substring(0, literal.indexOf('.') + 1);
        return translations.stringPropertyNames().stream().anyMatch(k -> k.startsWith(prefix))
                && !literal.startsWith("dev.")
                && !literal.startsWith("scopekeeper.")
                && !literal.startsWith("spring.");
    }

    /** A literal such as {@code clientDetail.channels} that components extend ({@code ….title}, {@code ….add}). */
    private static boolean isKeyPrefix(String literal) {
        return translations.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal + "."));
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void everyWaitInSecondsIsPluralSafe() {
        for (String key : translations.stringPropertyNames()) {
            String value = translations.getProperty(key);
            assertThat(value)
                    .as(key)
                    .doesNotContain("{0} seconds.", "second(s)")
                    .doesNotEndWith("{0} seconds");
        }
        assertThat(dev.scopekeeper.base.Messages.get("api.auth.tooManySignIns", 1L))
                .isEqualTo("Too many failed sign-ins. Try again in 1 second.");
        assertThat(dev.scopekeeper.base.Messages.get("api.auth.tooManySignIns", 42L))
                .isEqualTo("Too many failed sign-ins. Try again in 42 seconds.");
        assertThat(dev.scopekeeper.base.Messages.get("api.auth.tooManyFailures", 1L))
                .endsWith("Try again in 1 second.");
        assertThat(dev.scopekeeper.base.Messages.get("credentials.throttled", 1L))
                .endsWith("try again in 1 second");
        assertThat(dev.scopekeeper.base.Messages.get("credentials.throttled", 60L))
                .endsWith("try again in 60 seconds");
    }

    /**
     * Texts with placeholders go through {@code MessageFormat} (an apostrophe is written {@code ''}); texts without
     * are shown as written (Vaadin's provider and {@code Messages} format only when given arguments), so a
     * {@code ''} there reaches the user doubled ("The administrator''s policy ...").
     */
    @Test
    void apostrophesAreWrittenTheWayTheTextIsFormatted() {
        java.util.regex.Pattern placeholder = java.util.regex.Pattern.compile("\\{\\d");
        java.util.regex.Pattern lone = java.util.regex.Pattern.compile("(?<!')'(?!')");
        for (String key : translations.stringPropertyNames()) {
            String value = translations.getProperty(key);
            if (placeholder.matcher(value).find()) {
                assertThat(lone.matcher(value).find())
                        .as(key + " has placeholders: write an apostrophe as '' (" + value + ")")
                        .isFalse();
            } else {
                assertThat(value)
                        .as(key + " has no placeholders: write an apostrophe once")
                        .doesNotContain("''");
            }
        }
        assertThat(dev.scopekeeper.base.Messages.get("pat.validation.grace.forbidden"))
                .isEqualTo("The administrator's policy does not allow keeping the old secret working");
    }
}
