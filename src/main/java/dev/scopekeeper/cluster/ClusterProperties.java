package dev.scopekeeper.cluster;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code scopekeeper.cluster.*}: the members of the cluster ({@code host:port,host:port}, every node, this one
 * included; a member without port uses {@link #port}), the port this node listens on, optionally the network
 * interface to bind, the cluster name (nodes only join a cluster of their own name) and how long a silent member
 * stays a member.
 */
@ConfigurationProperties("scopekeeper.cluster")
public record ClusterProperties(
        String members, Integer port, String interfaceAddress, String name, Integer heartbeatTimeoutSeconds) {

    public ClusterProperties {
        port = port == null ? 5701 : port;
        name = name == null || name.isBlank() ? "scopekeeper" : name;
        heartbeatTimeoutSeconds = heartbeatTimeoutSeconds == null ? 5 : heartbeatTimeoutSeconds;
    }

    /** The configured members, trimmed, without blanks and duplicates. */
    public List<String> memberList() {
        if (members == null) {
            return List.of();
        }
        return Arrays.stream(members.split(","))
                .map(String::strip)
                .filter(member -> !member.isEmpty())
                .distinct()
                .toList();
    }

    public boolean enabled() {
        return !memberList().isEmpty();
    }
}
