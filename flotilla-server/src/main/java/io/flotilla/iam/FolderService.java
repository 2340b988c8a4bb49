package io.flotilla.iam;

import io.flotilla.platform.ApiException.FieldError;
import io.flotilla.platform.ApiException;
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
 * Folders: a tree of at most five levels. Creating, renaming, moving and deleting a folder are
 * decided on the folder that contains it (the platform for top-level folders), so a Folder Admin
 * manages what is below its folder, never the folder itself or anything above.
 */
@Service
class FolderService {

    private final TenancyStore store;
    private final AuthorizationService authz;

    FolderService(TenancyStore store, AuthorizationService authz) {
        this.store = store;
        this.authz = authz;
    }

    /**
     * A folder.
     *
     * @param parent the containing folder, null at the top level
     * @param path folder names from the top level down to this one
     * @param depth level in the tree, 1 at the top
     */
    record Folder(String name, String parent, List<String> path, int depth, Instant createdAt) {}

    /** Create or change: on update, absent fields are left unchanged; {@code parent: ""} moves to the top level. */
    record FolderRequest(String name, String parent) {}

    Page<Folder> list(String parent, Integer limit, String continueToken) {
        Actor actor = authz.current();
        int size = ContinueToken.limit(limit, 50, 500);
        String after = continueToken == null || continueToken.isBlank() ? null : ContinueToken.decode(continueToken);
        Optional<Set<UUID>> visible = authz.engine(actor).visibleFolders();
        UUID parentId = null;
        if (parent != null && !parent.isBlank()) {
            parentId = store.folder(parent).map(TenancyStore.FolderRow::id)
                    .filter(id -> visible.isEmpty() || visible.get().contains(id))
                    .orElseThrow(() -> ApiException.notFound("folder '" + parent + "'"));
        }
        UUID[] only = visible.map(s -> s.toArray(new UUID[0])).orElse(null);
        List<TenancyStore.FolderRow> rows = store.folders(parentId, false, only, after, size + 1);
        Map<UUID, UUID> parents = store.folderParents();
        Map<UUID, String> names = store.folderNames();
        FolderTree tree = new FolderTree(parents);
        List<Folder> items = rows.stream().limit(size).map(r -> view(r, tree, names)).toList();
        return new Page<>(items, rows.size() > size ? ContinueToken.encode(items.getLast().name()) : null);
    }

    Folder get(String name) {
        TenancyStore.FolderRow row = visible(name);
        return view(row, new FolderTree(store.folderParents()), store.folderNames());
    }

    Folder create(FolderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Names.label("name", request.name(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID parent = parentId(request.parent());
        authz.require("create", "folders", container(parent), request.name());
        UUID id = UUID.randomUUID();
        try {
            store.locked(() -> {
                String problem = new FolderTree(store.folderParents()).createProblem(parent);
                if (problem != null) {
                    throw unprocessable(problem);
                }
                if (store.folder(request.name()).isPresent()) {
                    throw conflict(request.name());
                }
                store.insertFolder(id, request.name(), parent);
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw conflict(request.name());
        }
        authz.forget(authz.current().username());
        return get(request.name());
    }

    Folder update(String name, FolderRequest request) {
        TenancyStore.FolderRow row = visible(name);
        authz.require("update", "folders", container(row.parentId()), name);
        String newName = request.name() == null ? row.name() : request.name();
        List<FieldError> errors = new ArrayList<>();
        Names.label("name", newName, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        boolean moving = request.parent() != null;
        UUID newParent = moving ? parentId(request.parent()) : row.parentId();
        if (moving && !Objects.equals(newParent, row.parentId())) {
            authz.require("create", "folders", container(newParent), name);
        }
        try {
            store.locked(() -> {
                String problem = new FolderTree(store.folderParents()).moveProblem(row.id(), newParent);
                if (problem != null) {
                    throw unprocessable(problem);
                }
                if (!newName.equals(row.name()) && store.folder(newName).isPresent()) {
                    throw conflict(newName);
                }
                store.updateFolder(row.id(), newName, newParent);
                return null;
            });
        } catch (DuplicateKeyException e) {
            throw conflict(newName);
        }
        authz.forget(authz.current().username());
        return get(newName);
    }

    void delete(String name) {
        TenancyStore.FolderRow row = visible(name);
        authz.require("delete", "folders", container(row.parentId()), name);
        store.locked(() -> {
            Map<String, Integer> contents = store.folderContents(row.id());
            List<String> held = contents.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).sorted().toList();
            if (!held.isEmpty()) {
                throw ApiException.conflict("folder '" + name + "' still holds " + String.join(", ", held)
                        + "; move or delete them first");
            }
            store.deleteFolder(row.id());
            return null;
        });
    }

    /** The folder by name if the caller may see it, else 404 (as if it did not exist). */
    TenancyStore.FolderRow visible(String name) {
        Optional<TenancyStore.FolderRow> row = store.folder(name);
        if (row.isEmpty() || !authz.decide(authz.current(), "get", "folders", new Scope.Folder(row.get().id()), name)
                .allowed()) {
            throw ApiException.notFound("folder '" + name + "'");
        }
        return row.get();
    }

    /** A parent named in a request: absent or "" is the top level; unknown or invisible → 422. */
    private UUID parentId(String parent) {
        if (parent == null || parent.isBlank()) {
            return null;
        }
        Optional<TenancyStore.FolderRow> row = store.folder(parent);
        if (row.isEmpty() || !authz.decide(authz.current(), "get", "folders", new Scope.Folder(row.get().id()),
                parent).allowed()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown folder", "parent: folder '" + parent
                    + "' does not exist", List.of(new FieldError("parent", "folder '" + parent + "' does not exist")));
        }
        return row.get().id();
    }

    static Scope container(UUID parent) {
        return parent == null ? Scope.PLATFORM : new Scope.Folder(parent);
    }

    private static Folder view(TenancyStore.FolderRow r, FolderTree tree, Map<UUID, String> names) {
        List<String> path = tree.path(r.id()).stream().map(id -> names.getOrDefault(id, id.toString())).toList();
        return new Folder(r.name(), r.parentId() == null ? null : names.get(r.parentId()), path, path.size(),
                r.createdAt());
    }

    static ApiException unprocessable(String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Not allowed here", detail);
    }

    private static ApiException conflict(String name) {
        return ApiException.conflict("a folder named '" + name + "' already exists; pick another name");
    }
}
