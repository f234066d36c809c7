package dev.scopekeeper.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import org.junit.jupiter.api.Test;

/** The settings and the Hazelcast configuration made from them (no instance is started). */
class ClusterPropertiesTest {

    @Test
    void noMembersMeansNoCluster() {
        assertThat(new ClusterProperties(null, null, null, null, null).enabled())
                .isFalse();
        assertThat(new ClusterProperties(" , ", null, null, null, null).enabled())
                .isFalse();
    }

    @Test
    void membersAreTrimmedAndDeduplicatedWithDefaults() {
        ClusterProperties properties = new ClusterProperties(" a:5701, b:5702 ,a:5701,", null, null, null, null);

        assertThat(properties.memberList()).containsExactly("a:5701", "b:5702");
        assertThat(properties.port()).isEqualTo(5701);
        assertThat(properties.name()).isEqualTo("scopekeeper");
        assertThat(properties.heartbeatTimeoutSeconds()).isEqualTo(5);
    }

    @Test
    void theJoinIsTcpIpOnlyWithoutMulticastAutoDetectionOrPhoneHome() {
        Config config = ClusterConfiguration.config(
                new ClusterProperties("127.0.0.1:15701,127.0.0.1:15702", 15701, "127.0.0.1", "sk", 3));

        var join = config.getNetworkConfig().getJoin();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
        assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:15701", "127.0.0.1:15702");
        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        assertThat(config.getNetworkConfig().getPort()).isEqualTo(15701);
        assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
        assertThat(config.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(config.getClusterName()).isEqualTo("sk");
        assertThat(config.getProperty("hazelcast.max.no.heartbeat.seconds")).isEqualTo("3");
    }

    @Test
    void aMemberWithoutPortUsesTheClusterPort() {
        assertThat(ClusterMembership.resolve("127.0.0.1", 5801).getPort()).isEqualTo(5801);
        assertThat(ClusterMembership.resolve("127.0.0.1:5802", 5801).getPort()).isEqualTo(5802);
    }
}
