package io.flotilla.iam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The folder tree's rules: at most {@link #MAX_DEPTH} levels of folders, no cycles. Pure: built
 * from folder id → parent id.
 */
final class FolderTree {

    static final int MAX_DEPTH = 5;

    private final Map<UUID, UUID> parents;
    private final Map<UUID, List<UUID>> children = new HashMap<>();

    FolderTree(Map<UUID, UUID> parents) {
        this.parents = Map.copyOf(withoutNulls(parents));
        parents.forEach((id, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
            }
        });
    }

    /** Level of a folder: 1 for a top-level folder. */
    int depth(UUID folder) {
        int depth = 0;
        Set<UUID> seen = new HashSet<>();
        for (UUID f = folder; f != null && seen.add(f); f = parents.get(f)) {
            depth++;
        }
        return depth;
    }

    /** Levels of the subtree rooted at {@code folder}, counting itself: 1 for a folder without sub-folders. */
    int height(UUID folder) {
        return height(folder, new HashSet<>());
    }

    private int height(UUID folder, Set<UUID> seen) {
        if (!seen.add(folder)) {
            return 0;
        }
        int max = 0;
        for (UUID child : children.getOrDefault(folder, List.of())) {
            max = Math.max(max, height(child, seen));
        }
        return max + 1;
    }

    /** Is {@code candidate} the folder itself or somewhere below it? */
    boolean isSelfOrBelow(UUID folder, UUID candidate) {
        Set<UUID> seen = new HashSet<>();
        for (UUID f = candidate; f != null && seen.add(f); f = parents.get(f)) {
            if (f.equals(folder)) {
                return true;
            }
        }
        return false;
    }

    /** The path from the top-level folder down to {@code folder}. */
    List<UUID> path(UUID folder) {
        List<UUID> path = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (UUID f = folder; f != null && seen.add(f); f = parents.get(f)) {
            path.add(f);
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * Why moving {@code folder} under {@code newParent} (null: top level) is not allowed, or null
     * when it is.
     */
    String moveProblem(UUID folder, UUID newParent) {
        if (newParent != null && isSelfOrBelow(folder, newParent)) {
            return "a folder cannot move into itself or one of its sub-folders (that would make a cycle)";
        }
        int depth = (newParent == null ? 0 : depth(newParent)) + height(folder);
        if (depth > MAX_DEPTH) {
            return "the folder tree would be " + depth + " levels deep; at most " + MAX_DEPTH + " are allowed";
        }
        return null;
    }

    /** Why a new folder under {@code parent} is not allowed, or null. */
    String createProblem(UUID parent) {
        int depth = (parent == null ? 0 : depth(parent)) + 1;
        return depth > MAX_DEPTH ? "the new folder would be at level " + depth + "; at most " + MAX_DEPTH
                + " levels are allowed" : null;
    }

    private static Map<UUID, UUID> withoutNulls(Map<UUID, UUID> parents) {
        Map<UUID, UUID> m = new HashMap<>();
        parents.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }
}
