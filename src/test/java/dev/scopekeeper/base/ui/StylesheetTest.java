package dev.scopekeeper.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet under {@code frontend/} parses with a real CSS parser, with no error or warning: one
 * unclosed brace makes the browser drop every rule after it, silently (issue 11). And every {@code sk-} class
 * a stylesheet styles is one the code sets, so no rule is dead.
 */
class StylesheetTest {

    private static final Path FRONTEND = Path.of("frontend");
    private static final Pattern SK_CLASS = Pattern.compile("\\.(sk-[a-z0-9-]+)");

    @Test
    void everyStylesheetParsesWithoutAnyError() throws IOException {
        List<Path> sheets = stylesheets();
        assertThat(sheets).as("stylesheets under frontend/").isNotEmpty();
        for (Path sheet : sheets) {
            assertThat(problems(Files.readString(sheet), sheet.toString()))
                    .as(sheet.toString())
                    .isEmpty();
        }
    }

    @Test
    void theCheckCatchesAnUnclosedRule() throws IOException {
        String broken = """
                .a vaadin-combo-box {
                  width: min(20rem, 100%);

                .sk-badge { display: inline-block; }
                """;
        assertThat(problems(broken, "broken.css")).isNotEmpty();
    }

    @Test
    void everyStyledClassIsSetSomewhereInTheCode() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                code.append(Files.readString(file));
            }
        }
        Set<String> unused = new TreeSet<>();
        for (Path sheet : stylesheets()) {
            String css = Files.readString(sheet).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher matcher = SK_CLASS.matcher(css);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (!code.toString().contains("\"" + name + "\"")
                        && !code.toString().contains("'" + name + "'")
                        && !setAsPrefix(code, name)) {
                    unused.add(name);
                }
            }
        }
        assertThat(unused).as("classes styled but never set (dead rules)").isEmpty();
    }

    /** {@code "sk-badge-" + status} sets sk-badge-active, sk-badge-revoked, … */
    private static boolean setAsPrefix(CharSequence code, String name) {
        for (int dash = name.lastIndexOf('-'); dash > 2; dash = name.lastIndexOf('-', dash - 1)) {
            if (code.toString().contains("\"" + name.substring(0, dash + 1) + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> stylesheets() throws IOException {
        try (Stream<Path> files = Files.walk(FRONTEND)) {
            return files.filter(f -> f.toString().endsWith(".css")).sorted().toList();
        }
    }

    private static List<String> problems(String css, String name) throws IOException {
        List<String> problems = new ArrayList<>();
        CSSOMParser parser = new CSSOMParser();
        parser.setErrorHandler(new CSSErrorHandler() {
            @Override
            public void warning(CSSParseException e) {
                problems.add("warning " + describe(e));
            }

            @Override
            public void error(CSSParseException e) {
                problems.add("error " + describe(e));
            }

            @Override
            public void fatalError(CSSParseException e) {
                problems.add("fatal " + describe(e));
            }
        });
        CSSStyleSheetImpl sheet = parser.parseStyleSheet(new InputSource(new StringReader(css)), name);
        if (sheet == null) {
            problems.add("not parsed at all");
        }
        return problems;
    }

    private static String describe(CSSParseException e) {
        return "line " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage();
    }
}
