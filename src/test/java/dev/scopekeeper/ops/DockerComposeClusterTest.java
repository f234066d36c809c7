package dev.scopekeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.export.HaMode;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so docker-compose.cluster.yml (docs/deployment.md) is checked by reading it: three
 * Galera members that form one cluster (bootstrapped by exactly one, state transfer that works as the image's
 * non-root server), two application nodes on multi-host URLs that start at different members and list all three,
 * sharing the API signing key and the cluster members, and HAProxy with sticky sessions for the UI only.
 */
class DockerComposeClusterTest {

    private static Map<String, Map<String, Object>> services;
    private static String haproxy;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.cluster.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        haproxy = Files.readString(Path.of("deploy/haproxy.cfg"));
    }

    @Test
    void threeGaleraMembersFormOneClusterBootstrappedByExactlyOne() {
        List<String> members = List.of("galera1", "galera2", "galera3");
        int bootstraps = 0;
        for (String member : members) {
            List<String> command = command(member);
            assertThat(command).contains("--wsrep_on=ON", "--binlog_format=ROW", "--innodb_autoinc_lock_mode=2");
            assertThat(option(command, "--wsrep_cluster_address")).isEqualTo("gcomm://galera1,galera2,galera3");
            assertThat(option(command, "--wsrep_node_name")).isEqualTo(member);
            assertThat(option(command, "--wsrep_sst_method")).isEqualTo("mariabackup");
            // changeset 011 creates client_channel and adds its key in a second statement: strict mode refuses that
            assertThat(option(command, "--wsrep_mode")).doesNotContain("REQUIRED_PRIMARY_KEY");
            bootstraps += command.contains("--wsrep-new-cluster") ? 1 : 0;
        }
        assertThat(bootstraps).isEqualTo(1);
    }

    @Test
    void twoAppNodesUseSequentialUrlsOverAllMembersStartingAtDifferentOnes() throws Exception {
        String first1 = null;
        for (String app : List.of("app1", "app2")) {
            String url = env(app).get("SPRING_DATASOURCE_URL");
            assertThat(url).startsWith("jdbc:mariadb:sequential://");
            assertThat(DatabaseDriver.fromJdbcUrl(url)).isEqualTo(DatabaseDriver.MARIADB);
            assertThat(new org.mariadb.jdbc.Driver().acceptsURL(url)).isTrue();
            Configuration parsed = Configuration.parse(url);
            assertThat(parsed.haMode()).isEqualTo(HaMode.SEQUENTIAL);
            assertThat(parsed.addresses())
                    .extracting(address -> address.host)
                    .containsExactlyInAnyOrder("galera1", "galera2", "galera3");
            assertThat(parsed.database()).isEqualTo("scopekeeper");
            String first = parsed.addresses().getFirst().host;
            if (first1 == null) {
                first1 = first;
            } else {
                assertThat(first).as("the two nodes start at different members").isNotEqualTo(first1);
            }
            assertThat(env(app).get("SCOPEKEEPER_API_SIGNING_KEY")).startsWith("${SCOPEKEEPER_API_SIGNING_KEY:?");
            assertThat(env(app).get("SCOPEKEEPER_CLUSTER_MEMBERS")).isEqualTo("app1:5701,app2:5701");
        }
    }

    @Test
    void haproxyKeepsBrowsersOnOneNodeAndSpreadsTheApiOverBoth() {
        assertThat(services.get("haproxy").get("volumes").toString()).contains("./deploy/haproxy.cfg:");
        String ui = backend("ui");
        String api = backend("api");
        assertThat(ui).contains("cookie SKNODE insert").contains("server app1 app1:8080 check port 8081 cookie app1");
        assertThat(ui).contains("server app2 app2:8080 check port 8081 cookie app2");
        assertThat(api)
                .doesNotContain("cookie")
                .contains("server app1 app1:8080 check port 8081", "server app2 app2:8080 check port 8081");
        assertThat(ui + api).contains("option httpchk GET /actuator/health/readiness");
        assertThat(haproxy).contains("use_backend api if api").contains("acl api path_beg /api/");
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String service) {
        return (List<String>) services.get(service).get("command");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String service) {
        return (Map<String, String>) services.get(service).get("environment");
    }

    private static String option(List<String> command, String name) {
        return command.stream()
                .filter(arg -> arg.startsWith(name + "="))
                .map(arg -> arg.substring(name.length() + 1))
                .findFirst()
                .orElse("");
    }

    private static String backend(String name) {
        Matcher block = Pattern.compile("(?ms)^backend " + name + "\\n(.*?)(?=^\\S|\\z)")
                .matcher(haproxy);
        assertThat(block.find()).as("backend " + name).isTrue();
        return block.group(1);
    }
}
