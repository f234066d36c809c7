package dev.scopekeeper.journeys;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The checks of {@link BrowserJourney#checkScreen} on any Playwright page, for a test that runs an application of
 * its own ({@code DatabaseOutageIT}): axe finds no critical or serious violation, and {@code layout-check.js} finds
 * no layout problem. With {@code -Dui.report=true} problems are only printed.
 */
public final class ScreenChecks {

    private static final String LAYOUT_CHECK = readResource("/journeys/layout-check.js");

    /** Debian's Chromium, or {@code CHROMIUM_PATH}. */
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private ScreenChecks() {}

    /** Without Chromium the calling test is skipped with a message, except under CI, where it fails. */
    public static void assumeChromium(String skipped) {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Chromium is required under CI but missing at " + CHROMIUM);
            }
            Assumptions.abort(skipped + ": no Chromium at " + CHROMIUM + " (apt-get install chromium, or set"
                    + " CHROMIUM_PATH)");
        }
    }

    /** Headless Chromium as every browser test here runs it. */
    public static Browser launchChromium(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic",
                                "--disable-dev-shm-usage")));
    }

    /**
     * Rules held below "serious": {@code region} (every part of the frame is in a landmark; the navbar is one
     * banner) and {@code empty-table-header} (icon-button and selection columns have hidden headers). Not yet
     * held, found by running every journey with all impacts: {@code landmark-no-duplicate-banner} and
     * {@code landmark-unique} while a dialog is open (the dialog overlay's header is a second banner),
     * {@code aria-allowed-role} on the confirm dialog's footer and {@code heading-order} for its {@code h3} title
     * after the page's {@code h1} (all three Vaadin's own confirm-dialog markup, met whenever one is open).
     */
    private static final java.util.Set<String> HELD_BELOW_SERIOUS = java.util.Set.of("region", "empty-table-header");

    /** {@code -Dui.axe.all=true}: every impact counts (with {@code -Dui.report=true}, to see what is not held). */
    private static final boolean ALL_IMPACTS = Boolean.getBoolean("ui.axe.all");

    /**
     * axe-core on the whole page (an open dialog or popover included): no critical or serious violation, and none
     * of {@link #HELD_BELOW_SERIOUS}.
     */
    public static void assertAccessible(Page page, String where) {
        List<Rule> violations = new AxeBuilder(page)
                .exclude(List.of("vaadin-dev-tools"))
                .analyze()
                .getViolations();
        String serious = violations.stream()
                .filter(rule -> ALL_IMPACTS
                        || "critical".equals(rule.getImpact())
                        || "serious".equals(rule.getImpact())
                        || HELD_BELOW_SERIOUS.contains(rule.getId()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .limit(5)
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        report("axe on " + where + " (" + page.url() + ")", serious.isEmpty() ? List.of() : List.of(serious));
    }

    /**
     * The layout checks of {@code layout-check.js}: the page does not scroll sideways; the revealed secret,
     * the curl example, status badges and headings are not clipped; no control is off-screen, hidden in its
     * grid, overlapping or touching another.
     */
    public static void assertLayout(Page page, String where) {
        // from the top: a control scrolled under the fixed header is not an overlap a person meets
        page.evaluate("() => window.scrollTo(0, 0)");
        // the app layout scrolls its content in a box of its own (not the window): that box to the top too
        page.evaluate("""
                () => {
                  let el = document.getElementById('main-content');
                  while (el) {
                    if (el.scrollTop) el.scrollTop = 0;
                    el = el.assignedSlot || el.parentElement || (el.getRootNode() && el.getRootNode().host) || null;
                  }
                }""");
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate(LAYOUT_CHECK);
        report("layout of " + where + " (" + page.url() + ", " + page.viewportSize().width + "px wide)", problems);
    }

    /** Fails on problems; with {@code -Dui.report=true} only prints them (to see them all while fixing a screen). */
    private static void report(String what, List<String> problems) {
        if (Boolean.getBoolean("ui.report")) {
            problems.forEach(p -> System.out.println("UI-PROBLEM " + what + ": " + p));
            return;
        }
        org.assertj.core.api.Assertions.assertThat(problems).as(what).isEmpty();
    }

    private static String readResource(String name) {
        try (var in = ScreenChecks.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }
}
