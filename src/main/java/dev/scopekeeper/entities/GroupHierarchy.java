package dev.scopekeeper.entities;

import java.util.List;

/**
 * A group in its hierarchy: its ancestors from the root down, and its descendants as a tree (down to the
 * requested depth).
 */
public record GroupHierarchy(List<GroupView> ancestors, Node group) {

    public record Node(GroupView group, List<Node> children) {}
}
