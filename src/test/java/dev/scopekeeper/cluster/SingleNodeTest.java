package dev.scopekeeper.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.scopekeeper.ScopekeeperTest;
import dev.scopekeeper.base.CacheEvictions;
import dev.scopekeeper.base.SharedMaps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without {@code scopekeeper.cluster.members} the application is one node: no Hazelcast at all. */
@ScopekeeperTest
class SingleNodeTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CacheEvictions evictions;

    @Autowired
    SharedMaps sharedMaps;

    @Test
    void noHazelcastInstanceIsStartedAndTheCachesAreTrusted() {
        assertThat(context.getBeanNamesForType(HazelcastInstance.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ClusterMembership.class)).isEmpty();
        assertThat(Hazelcast.getAllHazelcastInstances()).isEmpty();
        assertThat(evictions.trusted()).isTrue();
        assertThat(sharedMaps.clustered()).isFalse();
    }
}
