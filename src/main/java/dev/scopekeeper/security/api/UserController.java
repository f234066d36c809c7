package dev.scopekeeper.security.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.security.PlatformRole;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserAdministrationService.NewUser;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account, and user administration for platform administrators. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    /** A user as the API shows it; never any password data. */
    record UserResponse(
            long id,
            String username,
            @JsonProperty("display_name") String displayName,
            String email,
            PlatformRole role,
            boolean enabled) {

        static UserResponse of(UserProfile profile) {
            return new UserResponse(
                    profile.id(),
                    profile.username(),
                    profile.displayName(),
                    profile.email(),
                    profile.role(),
                    profile.enabled());
        }
    }

    record CreateUserRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}") String username,

            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotNull PlatformRole role) {
        @Override
        public String toString() {
            return "CreateUserRequest[username=" + username + ", email=" + email + ", role=" + role + "]";
        }
    }

    private final UserService users;
    private final UserAdministrationService administration;

    UserController(UserService users, UserAdministrationService administration) {
        this.users = users;
        this.administration = administration;
    }

    @Operation(summary = "The signed-in user")
    @GetMapping("/me")
    UserResponse me() {
        return UserResponse.of(users.me());
    }

    @Operation(summary = "Create a user (platform administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserResponse> create(@RequestBody CreateUserRequest request) {
        UserProfile created = administration.create(
                new NewUser(request.username(), request.email(), request.password(), request.role()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserResponse.of(created));
    }

    @Operation(summary = "Disable a user: they can no longer sign in or use their tokens (platform administrators)")
    @PostMapping("/{id}/disable")
    UserResponse disable(@PathVariable long id) {
        return UserResponse.of(administration.disable(id));
    }

    @Operation(summary = "Enable a disabled user (platform administrators)")
    @PostMapping("/{id}/enable")
    UserResponse enable(@PathVariable long id) {
        return UserResponse.of(administration.enable(id));
    }
}
