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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of folders and workspaces. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Folders and workspaces", description = "The tenancy tree: folders (≤ 5 levels) with workspaces as leaves")
class TenancyController {

    private final FolderService folders;
    private final WorkspaceService workspaces;

    TenancyController(FolderService folders, WorkspaceService workspaces) {
        this.folders = folders;
        this.workspaces = workspaces;
    }

    /** A page of folders; {@code continue} is null on the last page. */
    record FolderList(List<FolderService.Folder> items, @JsonProperty("continue") String continueToken) {}

    /** A page of workspaces; {@code continue} is null on the last page. */
    record WorkspaceList(List<WorkspaceService.Workspace> items, @JsonProperty("continue") String continueToken) {}

    @GetMapping("/folders")
    @Operation(summary = "List folders", description = "Those you may see, ordered by name, paged with limit/continue.")
    FolderList listFolders(@Parameter(description = "only the sub-folders of this folder")
            @RequestParam(required = false) String parent, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        Page<FolderService.Folder> page = folders.list(parent, limit, continueToken);
        return new FolderList(page.items(), page.continueToken());
    }

    @PostMapping("/folders")
    @Operation(summary = "Create a folder", description = "Under parent (absent: top level); at most 5 levels.")
    ResponseEntity<FolderService.Folder> createFolder(@RequestBody FolderService.FolderRequest request) {
        FolderService.Folder f = folders.create(request);
        return ResponseEntity.created(URI.create("/api/v1/folders/" + f.name())).body(f);
    }

    @GetMapping("/folders/{name}")
    @Operation(summary = "Get a folder")
    FolderService.Folder getFolder(@PathVariable String name) {
        return folders.get(name);
    }

    @PatchMapping("/folders/{name}")
    @Operation(summary = "Rename or move a folder", description = "parent \"\" moves it to the top level; moves that "
            + "would make a cycle or exceed 5 levels answer 422.")
    FolderService.Folder updateFolder(@PathVariable String name, @RequestBody FolderService.FolderRequest request) {
        return folders.update(name, request);
    }

    @DeleteMapping("/folders/{name}")
    @Operation(summary = "Delete a folder", description = "Refused (409) while it holds folders, workspaces or bindings.")
    ResponseEntity<Void> deleteFolder(@PathVariable String name) {
        folders.delete(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/workspaces")
    @Operation(summary = "List workspaces", description = "Those you may see, ordered by name, paged.")
    WorkspaceList listWorkspaces(@Parameter(description = "only the workspaces directly in this folder")
            @RequestParam(required = false) String folder, @RequestParam(required = false) Integer limit,
            @RequestParam(name = "continue", required = false) String continueToken) {
        Page<WorkspaceService.Workspace> page = workspaces.list(folder, limit, continueToken);
        return new WorkspaceList(page.items(), page.continueToken());
    }

    @PostMapping("/workspaces")
    @Operation(summary = "Create a workspace", description = "In folder (absent: top level).")
    ResponseEntity<WorkspaceService.Workspace> createWorkspace(
            @RequestBody WorkspaceService.WorkspaceRequest request) {
        WorkspaceService.Workspace w = workspaces.create(request);
        return ResponseEntity.created(URI.create("/api/v1/workspaces/" + w.name())).body(w);
    }

    @GetMapping("/workspaces/{name}")
    @Operation(summary = "Get a workspace")
    WorkspaceService.Workspace getWorkspace(@PathVariable String name) {
        return workspaces.get(name);
    }

    @PatchMapping("/workspaces/{name}")
    @Operation(summary = "Rename or move a workspace", description = "folder \"\" moves it to the top level.")
    WorkspaceService.Workspace updateWorkspace(@PathVariable String name,
            @RequestBody WorkspaceService.WorkspaceRequest request) {
        return workspaces.update(name, request);
    }

    @DeleteMapping("/workspaces/{name}")
    @Operation(summary = "Delete a workspace", description = "Refused (409) while it holds resource bindings, quotas "
            + "or role bindings.")
    ResponseEntity<Void> deleteWorkspace(@PathVariable String name) {
        workspaces.delete(name);
        return ResponseEntity.noContent().build();
    }
}
