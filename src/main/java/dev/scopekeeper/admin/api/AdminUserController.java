package dev.scopekeeper.admin.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserAdministrationService.NewUser;
import dev.scopekeeper.security.UserAdministrationService.UserQuery;
import dev.scopekeeper.security.UserProfile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User administration for platform administrators (a PAT is refused on every /api/v1/admin path). */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(
        name = "Administration: users",
        description = "Platform administrators: list, create, role, enable/disable, reset password")
class AdminUserController {

    record UserJson(
            long id,
            String username,
            @JsonProperty("display_name") String displayName,
            String email,
            PlatformRole role,
            boolean enabled,
            String status,
            @JsonProperty("token_count") long tokenCount) {

        static UserJson of(UserProfile user, long tokenCount) {
            return new UserJson(
                    user.id(),
                    user.username(),
                    user.displayName(),
                    user.email(),
                    user.role(),
                    user.enabled(),
                    user.enabled() ? "enabled" : "disabled",
                    tokenCount);
        }
    }

    record CreateUserJson(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}") String username,

            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotNull PlatformRole role) {
        @Override
        public String toString() {
            return "CreateUserJson[username=" + username + ", email=" + email + ", role=" + role + "]";
        }
    }

    record RoleJson(PlatformRole role) {}

    record PasswordJson(String password) {
        @Override
        public String toString() {
            return "PasswordJson[password=***]";
        }
    }

    private final UserAdministrationService users;
    private final PatAdministrationService tokens;

    AdminUserController(UserAdministrationService users, PatAdministrationService tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(
            summary =
                    "List users (search in username, display name, e-mail; role ADMIN|USER; status enabled|disabled|all), with their token counts")
    Map<String, Object> list(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(required = false) String search,
            @RequestParam(required = false) PlatformRole role,
            @RequestParam(required = false) String status) {
        ListResult<UserProfile> page = users.list(new UserQuery(search, role, enabled(status), offset, limit));
        Map<Long, Long> counts =
                tokens.tokenCounts(page.items().stream().map(UserProfile::id).toList());
        return Map.of(
                "total",
                page.total(),
                "offset",
                page.offset(),
                "limit",
                page.limit(),
                "users",
                page.items().stream()
                        .map(u -> UserJson.of(u, counts.getOrDefault(u.id(), 0L)))
                        .toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user")
    UserJson get(@PathVariable long id) {
        return json(users.get(id));
    }

    @PostMapping
    @Operation(summary = "Create a user with an initial password")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserJson> create(@RequestBody CreateUserJson body) {
        UserProfile created = users.create(new NewUser(body.username(), body.email(), body.password(), body.role()));
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.id()))
                .body(UserJson.of(created, 0));
    }

    @PatchMapping("/{id}/role")
    @Operation(summary = "Change a user's platform role (the last enabled administrator cannot be demoted: 409)")
    UserJson changeRole(@PathVariable long id, @RequestBody RoleJson body) {
        return json(users.changeRole(id, body.role()));
    }

    @PostMapping("/{id}/disable")
    @Operation(
            summary =
                    "Disable a user: sign-in and every token of theirs fail from the next request (last administrator: 409)")
    UserJson disable(@PathVariable long id) {
        return json(users.disable(id));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a user again (tokens not revoked or expired work again)")
    UserJson enable(@PathVariable long id) {
        return json(users.enable(id));
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "Set a new password for a user")
    UserJson resetPassword(@PathVariable long id, @RequestBody PasswordJson body) {
        return json(users.resetPassword(id, body.password()));
    }

    private UserJson json(UserProfile user) {
        return UserJson.of(
                user, tokens.tokenCounts(java.util.List.of(user.id())).getOrDefault(user.id(), 0L));
    }

    private static Boolean enabled(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> null;
            case "enabled" -> true;
            case "disabled" -> false;
            default -> throw new InvalidInput("status", "admin.users.validation.status");
        };
    }
}
