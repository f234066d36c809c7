package dev.scopekeeper.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.SharedMaps;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cluster, only when {@code scopekeeper.cluster.members} is set: an embedded Hazelcast member joining the
 * listed members over TCP/IP (no multicast, no auto-detection, no phone-home), carrying cache evictions
 * ({@link ClusterMembership}) and the throttles' maps ({@link SharedMaps}). Without the setting there is no
 * Hazelcast instance at all (Spring Boot 4 has no Hazelcast auto-configuration unless {@code spring-boot-hazelcast}
 * is on the class path, and it is not).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${scopekeeper.cluster.members:}'.isBlank()")
class ClusterConfiguration {

    @Bean(destroyMethod = "shutdown")
    HazelcastInstance scopekeeperHazelcast(ClusterProperties properties) {
        return Hazelcast.newHazelcastInstance(config(properties));
    }

    @Bean
    ClusterMembership clusterMembership(
            HazelcastInstance hazelcast, ClusterProperties properties, CacheEvictions evictions) {
        return new ClusterMembership(hazelcast, properties, evictions);
    }

    @Bean
    SharedMaps.Backend clusterMaps(HazelcastInstance hazelcast) {
        return new SharedMaps.Backend() {
            @Override
            public <K, V> ConcurrentMap<K, V> map(String name, Duration idle, long maximumSizePerNode) {
                hazelcast
                        .getConfig()
                        .addMapConfig(new MapConfig(name)
                                .setMaxIdleSeconds((int) Math.max(1, idle.toSeconds()))
                                .setEvictionConfig(new EvictionConfig()
                                        .setEvictionPolicy(EvictionPolicy.LRU)
                                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
                                        .setSize((int) Math.min(Integer.MAX_VALUE, maximumSizePerNode))));
                return hazelcast.getMap(name);
            }

            @Override
            public boolean available() {
                return hazelcast.getLifecycleService().isRunning();
            }
        };
    }

    static Config config(ClusterProperties properties) {
        Config config = new Config();
        config.setClusterName(properties.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        // A member that stops answering is out after this many seconds: the longest an undelivered eviction
        // can be missed before this node stops trusting its caches (docs/cluster.md).
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty(
                "hazelcast.max.no.heartbeat.seconds", Integer.toString(properties.heartbeatTimeoutSeconds()));
        // After a partition heals, the halves merge within seconds rather than Hazelcast's default 5 minutes.
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "5");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(properties.port()).setPortAutoIncrement(false);
        if (properties.interfaceAddress() != null
                && !properties.interfaceAddress().isBlank()) {
            network.getInterfaces().setEnabled(true).addInterface(properties.interfaceAddress());
            config.setProperty("hazelcast.socket.bind.any", "false");
        }
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(properties.memberList());
        return config;
    }
}
