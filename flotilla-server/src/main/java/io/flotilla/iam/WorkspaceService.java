package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.ContinueToken;
import io.flotilla.platform.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Workspaces: the leaves of the folder tree, where people work. Creating, renaming, moving and
 * deleting are decided on the containing folder (the platform at the top level).
 */
@Service
class WorkspaceService {

    private final TenancyStore store;
    private final AuthorizationService authz;
    private final FolderService folders;

    WorkspaceService(TenancyStore store, AuthorizationService authz, FolderService folders) {
        this.store = store;
        this.authz = authz;
        this.folders = folders;
    }

    /**
     * A workspace.
     *
     * @param folder the containing folder, null at the top level
     * @param path folder names from the top level down to the containing folder
     */
    record Workspace(String name, String folder, List<String> path, Instant createdAt) {}

    /** Create or change: on update, absent fields are left unchanged; {@code folder: ""} moves to the top level. */
    record WorkspaceRequest(String name, String folder) {}

    Page<Workspace> list(String folder, Integer limit, String continueToken) {
        Actor actor = authz.current();
        int size = ContinueToken.limit(limit, 50, 500);
        String after = continueToken == null || continueToken.isBlank() ? null : ContinueToken.decode(continueToken);
        UUID folderId = folder == null || folder.isBlank() ? null : folders.visible(folder).id();
        Optional<Set<UUID>> visible = authz.engine(actor).visibleWorkspaces();
        UUID[] only = visible.map(s -> s.toArray(new UUID[0])).orElse(null);
        List<TenancyStore.WorkspaceRow> rows = store.workspaces(folderId, only, after, size + 1);
        FolderTree tree = new FolderTree(store.folderParents());
        Map<UUID, String> names = store.folderNames();
        List<Workspace> items = rows.stream().limit(size).map(r -> view(r, tree, names)).toList();
        return new Page<>(items, rows.size() > size ? ContinueToken.encode(items.getLast().name()) : null);
    }

    Workspace get(String name) {
        return view(visible(name), new FolderTree(store.folderParents()), store.folderNames());
    }

    Workspace create(WorkspaceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Names.label("name", request.name(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID folder = folderId(request.folder());
        authz.require("create", "workspaces", FolderService.container(folder), request.name());
        if (store.workspace(request.name()).isPresent()) {
            throw conflict(request.name());
        }
        try {
            store.locked(() -> {
                store.insertWorkspace(UUID.randomUUID(), request.name(), folder);
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw conflict(request.name());
        }
        authz.forget(authz.current().username());
        return get(request.name());
    }

    Workspace update(String name, WorkspaceRequest request) {
        TenancyStore.WorkspaceRow row = visible(name);
        authz.require("update", "workspaces", FolderService.container(row.folderId()), name);
        String newName = request.name() == null ? row.name() : request.name();
        List<FieldError> errors = new ArrayList<>();
        Names.label("name", newName, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID newFolder = request.folder() == null ? row.folderId() : folderId(request.folder());
        if (!Objects.equals(newFolder, row.folderId())) {
            authz.require("create", "workspaces", FolderService.container(newFolder), name);
        }
        if (!newName.equals(row.name()) && store.workspace(newName).isPresent()) {
            throw conflict(newName);
        }
        try {
            store.locked(() -> {
                store.updateWorkspace(row.id(), newName, newFolder);
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw conflict(newName);
        }
        authz.forget(authz.current().username());
        return get(newName);
    }

    void delete(String name) {
        TenancyStore.WorkspaceRow row = visible(name);
        authz.require("delete", "workspaces", FolderService.container(row.folderId()), name);
        store.locked(() -> {
            List<String> held = store.workspaceContents(row.id()).entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).sorted().toList();
            if (!held.isEmpty()) {
                throw ApiException.conflict("workspace '" + name + "' still holds " + String.join(", ", held)
                        + "; remove them first");
            }
            store.deleteWorkspace(row.id());
            return null;
        });
    }

    /** The workspace by name if the caller may see it, else 404 (as if it did not exist). */
    TenancyStore.WorkspaceRow visible(String name) {
        Optional<TenancyStore.WorkspaceRow> row = store.workspace(name);
        if (row.isEmpty() || !authz.decide(authz.current(), "get", "workspaces", new Scope.Workspace(row.get().id()),
                name).allowed()) {
            throw ApiException.notFound("workspace '" + name + "'");
        }
        return row.get();
    }

    /** Like {@link #visible} but for a workspace named in a request body: 422 when unknown or invisible. */
    TenancyStore.WorkspaceRow referenced(String field, String name) {
        try {
            return visible(name);
        } catch (ApiException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown workspace", field + ": workspace '" + name
                    + "' does not exist", List.of(new FieldError(field, "workspace '" + name + "' does not exist")));
        }
    }

    private UUID folderId(String folder) {
        if (folder == null || folder.isBlank()) {
            return null;
        }
        try {
            return folders.visible(folder).id();
        } catch (ApiException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown folder", "folder: folder '" + folder
                    + "' does not exist", List.of(new FieldError("folder", "folder '" + folder + "' does not exist")));
        }
    }

    private static Workspace view(TenancyStore.WorkspaceRow r, FolderTree tree, Map<UUID, String> names) {
        List<String> path = r.folderId() == null ? List.of()
                : tree.path(r.folderId()).stream().map(id -> names.getOrDefault(id, id.toString())).toList();
        return new Workspace(r.name(), r.folderId() == null ? null : names.get(r.folderId()), path, r.createdAt());
    }

    private static ApiException conflict(String name) {
        return ApiException.conflict("a workspace named '" + name + "' already exists; pick another name");
    }
}
