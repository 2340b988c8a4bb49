package io.flotilla.iam;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flotilla.platform.ApiException;
import io.flotilla.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the built-in roles and of role bindings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Roles", description = "Built-in roles and who holds them where")
class RoleController {

    private final RoleBindingService bindings;
    private final Authorization authz;

    RoleController(RoleBindingService bindings, Authorization authz) {
        this.bindings = bindings;
        this.authz = authz;
    }

    /**
     * A built-in role.
     *
     * @param scopeKind where it can be bound: platform, folder, workspace, cluster, namespace
     * @param permissions resource → verbs; "*" for any; "kubernetes" stands for every Kubernetes resource
     *     ("kubernetes-except:a,b" when some are excluded)
     */
    record RoleView(String name, String scopeKind, String description, Map<String, List<String>> permissions) {}

    record RoleList(List<RoleView> items) {}

    /** A page of role bindings; {@code continue} is null on the last page. */
    record BindingList(List<RoleBindingService.RoleBinding> items, @JsonProperty("continue") String continueToken) {}

    @GetMapping("/roles")
    @Operation(summary = "List the built-in roles")
    RoleList roles() {
        authz.current();
        return new RoleList(Arrays.stream(Role.values()).map(RoleController::view).toList());
    }

    @GetMapping("/roles/{name}")
    @Operation(summary = "Get a role", description = "By display name, e.g. 'Workspace Admin'.")
    RoleView role(@PathVariable String name) {
        authz.current();
        return Role.byName(name).map(RoleController::view).orElseThrow(() -> ApiException.notFound("role '" + name
                + "'"));
    }

    @GetMapping("/rolebindings")
    @Operation(summary = "List role bindings", description = "Those on scopes where you may list them; filtered, paged.")
    BindingList list(@RequestParam(required = false) String user, @RequestParam(required = false) String group,
            @RequestParam(required = false) String scopeKind, @RequestParam(required = false) String folder,
            @RequestParam(required = false) String workspace, @RequestParam(required = false) String cluster,
            @RequestParam(required = false) String namespace, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("user", user);
        filters.put("group", group);
        filters.put("scopeKind", scopeKind);
        filters.put("folder", folder);
        filters.put("workspace", workspace);
        filters.put("cluster", cluster);
        filters.put("namespace", namespace);
        Page<RoleBindingService.RoleBinding> page = bindings.list(filters, limit, continueToken);
        return new BindingList(page.items(), page.continueToken());
    }

    @PostMapping("/rolebindings")
    @Operation(summary = "Grant a role", description = "subject {kind: user|group, name}, role (display name), scope "
            + "{kind: platform|folder|workspace|cluster|namespace, name | cluster, namespace}. 403 when you may not "
            + "grant it there, 422 when the subject or scope does not exist, 409 when it is already granted.")
    ResponseEntity<RoleBindingService.RoleBinding> create(@RequestBody RoleBindingService.RoleBindingRequest request) {
        RoleBindingService.RoleBinding b = bindings.create(request);
        return ResponseEntity.created(URI.create("/api/v1/rolebindings/" + b.id())).body(b);
    }

    @GetMapping("/rolebindings/{id}")
    @Operation(summary = "Get a role binding")
    RoleBindingService.RoleBinding get(@PathVariable UUID id) {
        return bindings.get(id);
    }

    @DeleteMapping("/rolebindings/{id}")
    @Operation(summary = "Revoke a role binding")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        bindings.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static RoleView view(Role role) {
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        for (Rule rule : role.rules()) {
            List<String> verbs = rule.verbs().stream().sorted().toList();
            switch (rule.match()) {
                case ANY -> permissions.put("*", verbs);
                case NAMED -> rule.resources().stream().sorted().forEach(r -> permissions.merge(r, verbs,
                        RoleController::union));
                case KUBE -> permissions.merge(rule.resources().isEmpty() ? "kubernetes"
                        : "kubernetes-except:" + String.join(",", rule.resources().stream().sorted().toList()), verbs,
                        RoleController::union);
            }
        }
        return new RoleView(role.displayName(), role.kind().name().toLowerCase(Locale.ROOT),
                role.description(), permissions);
    }

    private static List<String> union(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).distinct().sorted().toList();
    }
}
