package io.flotilla.iam;

import io.flotilla.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of access keys. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Access keys", description = "Keys for scripts and kubectl, sent as Authorization: Bearer")
class AccessKeyController {

    private final AccessKeyService keys;
    private final Clock clock;

    AccessKeyController(AccessKeyService keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A new key's name and optional expiry.
     *
     * @param expiresAt ISO-8601 instant; or give expiresInDays
     */
    record KeyRequest(String name, Instant expiresAt, Integer expiresInDays) {}

    record KeyList(List<AccessKeyService.AccessKey> items) {}

    @GetMapping("/accesskeys")
    @Operation(summary = "List access keys", description = "Your own; admins may name another user.")
    KeyList list(@Parameter(description = "whose keys (default: yours)") @RequestParam(required = false) String user) {
        return new KeyList(keys.list(user));
    }

    @PostMapping("/accesskeys")
    @Operation(summary = "Create an access key for yourself",
            description = "The secret is in this response only; it is stored hashed and cannot be shown again.")
    ResponseEntity<AccessKeyService.CreatedKey> create(@RequestBody KeyRequest request) {
        Instant expires = request.expiresAt();
        if (request.expiresInDays() != null) {
            if (expires != null) {
                throw ApiException.badRequest("expiresInDays", "give expiresAt or expiresInDays, not both");
            }
            if (request.expiresInDays() < 1) {
                throw ApiException.badRequest("expiresInDays", "must be at least 1");
            }
            expires = clock.instant().plus(Duration.ofDays(request.expiresInDays()));
        }
        AccessKeyService.CreatedKey key = keys.create(request.name(), expires);
        return ResponseEntity.created(URI.create("/api/v1/accesskeys/" + key.id())).body(key);
    }

    @DeleteMapping("/accesskeys/{id}")
    @Operation(summary = "Revoke an access key", description = "It is refused from then on.")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
