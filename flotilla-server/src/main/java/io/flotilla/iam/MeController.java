package io.flotilla.iam;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I, what may I do. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Me", description = "The signed-in caller")
class MeController {

    private final MeService me;
    private final Authorization authz;

    MeController(MeService me, Authorization authz) {
        this.me = me;
        this.authz = authz;
    }

    @GetMapping("/me")
    @Operation(summary = "Who am I", description = "User, groups, platform roles, every effective role with its scope, "
            + "and platform-wide allowed verbs per resource, for showing only permitted actions.")
    MeService.Me get(HttpServletRequest request) {
        Sessions.renderCsrfToken(request);
        return me.me(authz.current());
    }
}
