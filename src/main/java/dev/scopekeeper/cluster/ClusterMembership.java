package dev.scopekeeper.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.topic.ITopic;
import dev.scopekeeper.base.CacheEvictions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects {@link CacheEvictions} to the cluster: evictions go out on a Hazelcast topic and come in from it, and
 * the caches are trusted only while this node sees every configured member ({@link #expectedMembers}); any change
 * of membership or of the instance's life cycle is looked at again.
 */
public class ClusterMembership {

    static final String TOPIC = "scopekeeper.cache-evictions";

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final HazelcastInstance hazelcast;
    private final CacheEvictions evictions;
    private final int expected;

    ClusterMembership(HazelcastInstance hazelcast, ClusterProperties properties, CacheEvictions evictions) {
        this.hazelcast = hazelcast;
        this.evictions = evictions;
        this.expected = expectedMembers(properties, hazelcast.getCluster().getLocalMember());
        ITopic<CacheEvictions.Eviction> topic = hazelcast.getTopic(TOPIC);
        topic.addMessageListener(message -> evictions.received(message.getMessageObject()));
        evictions.connect(topic::publish);
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                evaluate();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                evaluate();
            }
        });
        hazelcast.getLifecycleService().addLifecycleListener(this::lifecycle);
        evaluate();
    }

    private void lifecycle(LifecycleEvent event) {
        switch (event.getState()) {
            case MERGING, SHUTTING_DOWN, SHUTDOWN, CLIENT_DISCONNECTED -> evictions.distrust();
            default -> evaluate();
        }
    }

    /** Trusts the caches exactly while the instance runs and sees every configured member. */
    synchronized void evaluate() {
        if (!hazelcast.getLifecycleService().isRunning()) {
            evictions.distrust();
            return;
        }
        int size = hazelcast.getCluster().getMembers().size();
        if (size >= expected) {
            evictions.trust();
        } else {
            log.debug("{} of {} cluster members connected", size, expected);
            evictions.distrust();
        }
    }

    public int expectedMembers() {
        return expected;
    }

    /** The configured members, plus this node if the list does not name it. */
    static int expectedMembers(ClusterProperties properties, Member local) {
        Set<InetSocketAddress> listed = new HashSet<>();
        for (String member : properties.memberList()) {
            listed.add(resolve(member, properties.port()));
        }
        boolean listsThisNode = false;
        try {
            listsThisNode = listed.contains(local.getAddress().getInetSocketAddress());
        } catch (UnknownHostException e) {
            // counted as not listed
        }
        return listed.size() + (listsThisNode ? 0 : 1);
    }

    static InetSocketAddress resolve(String member, int defaultPort) {
        int colon = member.lastIndexOf(':');
        String host = colon < 0 ? member : member.substring(0, colon);
        int port = colon < 0 ? defaultPort : Integer.parseInt(member.substring(colon + 1));
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(host, port);
        }
    }
}
