package dev.scopekeeper.base;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.Serializable;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Maps that every node of a cluster shares (Hazelcast maps, see the {@code cluster} package), or on a single node
 * bounded maps of this node: the state of the throttles, so N nodes do not give an attacker N times the guesses.
 * Use only {@link ConcurrentMap}'s atomic operations ({@code compute}, {@code merge}, {@code remove}) on them;
 * keys and values must be {@link Serializable} (records of simple values).
 */
@Component
public class SharedMaps {

    /** The cluster's maps (absent on a single node). */
    public interface Backend {
        /** The cluster-wide map {@code name}, entries dropped when idle for {@code idle}. */
        <K, V> ConcurrentMap<K, V> map(String name, Duration idle, long maximumSizePerNode);

        /** False once this node has left the cluster for good (its Hazelcast is shut down). */
        boolean available();
    }

    /** One shared map; {@link #map()} is the cluster's while this node is in one, else this node's own. */
    public static final class SharedMap<K extends Serializable, V extends Serializable> {
        private final ConcurrentMap<K, V> local;
        private final ConcurrentMap<K, V> shared;
        private final Backend backend;

        private SharedMap(ConcurrentMap<K, V> local, ConcurrentMap<K, V> shared, Backend backend) {
            this.local = local;
            this.shared = shared;
            this.backend = backend;
        }

        public ConcurrentMap<K, V> map() {
            return shared != null && backend.available() ? shared : local;
        }

        /** Empties the map (on every node). */
        public void clear() {
            local.clear();
            if (shared != null && backend.available()) {
                shared.clear();
            }
        }
    }

    private final Backend backend;

    @Autowired
    public SharedMaps(ObjectProvider<Backend> backend) {
        this.backend = backend.getIfAvailable();
    }

    private SharedMaps() {
        this.backend = null;
    }

    /** Maps of this node only (unit tests, and a single node). */
    public static SharedMaps local() {
        return new SharedMaps();
    }

    public <K extends Serializable, V extends Serializable> SharedMap<K, V> map(
            String name, Duration idle, long maximumSize) {
        ConcurrentMap<K, V> local = Caffeine.newBuilder()
                .expireAfterAccess(idle)
                .maximumSize(maximumSize)
                .<K, V>build()
                .asMap();
        return new SharedMap<>(local, backend == null ? null : backend.map(name, idle, maximumSize), backend);
    }

    /** Whether these maps are shared with other nodes. */
    public boolean clustered() {
        return backend != null;
    }
}
