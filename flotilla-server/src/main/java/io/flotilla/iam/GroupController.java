package io.flotilla.iam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of groups. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Groups", description = "Groups of users; roles bound to a group apply to its members")
class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    /** A page of groups; {@code continue} is null on the last page. */
    record GroupList(List<GroupService.Group> items, @JsonProperty("continue") String continueToken) {}

    @GetMapping("/groups")
    @Operation(summary = "List groups", description = "Ordered by name, paged with limit/continue.")
    GroupList list(@Parameter(description = "page size, 1-500, default 50") @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        Page<GroupService.Group> page = groups.list(limit, continueToken);
        return new GroupList(page.items(), page.continueToken());
    }

    @PostMapping("/groups")
    @Operation(summary = "Create a group")
    ResponseEntity<GroupService.Group> create(@RequestBody GroupService.GroupRequest request) {
        GroupService.Group g = groups.create(request);
        return ResponseEntity.created(URI.create("/api/v1/groups/" + g.name())).body(g);
    }

    @GetMapping("/groups/{name}")
    @Operation(summary = "Get a group with its members")
    GroupService.Group get(@PathVariable String name) {
        return groups.get(name);
    }

    @DeleteMapping("/groups/{name}")
    @Operation(summary = "Delete a group", description = "Also removes the role bindings of the group.")
    ResponseEntity<Void> delete(@PathVariable String name) {
        groups.delete(name);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/groups/{name}/members/{username}")
    @Operation(summary = "Add a user to a group")
    GroupService.Group addMember(@PathVariable String name, @PathVariable String username) {
        return groups.addMember(name, username);
    }

    @DeleteMapping("/groups/{name}/members/{username}")
    @Operation(summary = "Remove a user from a group")
    GroupService.Group removeMember(@PathVariable String name, @PathVariable String username) {
        return groups.removeMember(name, username);
    }
}
