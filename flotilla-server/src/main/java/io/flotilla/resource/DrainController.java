package io.flotilla.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Progress of node drains started with {@code POST /api/v1/clusters/{cluster}/nodes/{name}/drain}. */
@RestController
@Tag(name = "Cluster operations")
class DrainController {

    private final NodeService nodes;

    DrainController(NodeService nodes) {
        this.nodes = nodes;
    }

    @GetMapping("/api/v1/drains/{id}")
    @Operation(summary = "Progress of a drain: evicted, blocked (with reasons) and skipped pods")
    DrainReport drain(@PathVariable String id) {
        return nodes.drain(id);
    }
}
