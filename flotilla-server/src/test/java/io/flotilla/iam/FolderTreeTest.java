package io.flotilla.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FolderTreeTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID d = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();
    private final UUID otherChild = UUID.randomUUID();

    /** a ⊃ b ⊃ c ⊃ d; other ⊃ otherChild. */
    private FolderTree tree() {
        Map<UUID, UUID> parents = new HashMap<>();
        parents.put(a, null);
        parents.put(b, a);
        parents.put(c, b);
        parents.put(d, c);
        parents.put(other, null);
        parents.put(otherChild, other);
        return new FolderTree(parents);
    }

    @Test
    void measuresDepthHeightAndPath() {
        FolderTree t = tree();
        assertThat(t.depth(a)).isEqualTo(1);
        assertThat(t.depth(d)).isEqualTo(4);
        assertThat(t.height(a)).isEqualTo(4);
        assertThat(t.height(d)).isEqualTo(1);
        assertThat(t.path(c)).containsExactly(a, b, c);
    }

    @Test
    void refusesMovesIntoItselfOrBelow() {
        FolderTree t = tree();
        assertThat(t.moveProblem(a, a)).contains("cycle");
        assertThat(t.moveProblem(b, d)).contains("cycle");
        assertThat(t.moveProblem(d, a)).isNull();
        assertThat(t.moveProblem(b, null)).isNull();
    }

    @Test
    void refusesMovesAndCreatesBeyondFiveLevels() {
        FolderTree t = tree();
        assertThat(t.createProblem(d)).isNull();
        Map<UUID, UUID> deeper = new HashMap<>(Map.of(b, a, c, b, d, c));
        UUID e = UUID.randomUUID();
        deeper.put(e, d);
        assertThat(new FolderTree(deeper).createProblem(e)).contains("level 6");
        assertThat(t.moveProblem(a, other)).isNull();
        assertThat(t.moveProblem(a, otherChild)).contains("6 levels deep");
        assertThat(t.moveProblem(c, otherChild)).isNull();
    }

    @Test
    void survivesCorruptCycles() {
        FolderTree t = new FolderTree(Map.of(a, b, b, a));
        assertThat(t.depth(a)).isEqualTo(2);
        assertThat(t.isSelfOrBelow(other, a)).isFalse();
    }
}
