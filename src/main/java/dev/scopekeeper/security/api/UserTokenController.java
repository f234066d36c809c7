package dev.scopekeeper.security.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.security.CurrentUser;
import dev.scopekeeper.security.UserTokenService;
import dev.scopekeeper.security.UserTokenService.IssuedTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** User bearer tokens: sign in with username and password, refresh, sign out. Issue and refresh are public. */
@RestController
@RequestMapping("/api/v1/users/tokens")
@Tag(name = "User tokens")
@SecurityRequirements
class UserTokenController {

    record IssueRequest(String username, String password) {
        @Override
        public String toString() {
            return "IssueRequest[username=" + username + "]";
        }
    }

    record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("expires_in") long expiresIn) {

        static TokenResponse of(IssuedTokens tokens) {
            return new TokenResponse(
                    tokens.accessToken(),
                    tokens.refreshToken(),
                    tokens.expiresIn().toSeconds());
        }

        @Override
        public String toString() {
            return "TokenResponse[expiresIn=" + expiresIn + "]";
        }
    }

    private final UserTokenService tokens;
    private final CurrentUser currentUser;

    UserTokenController(UserTokenService tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @Operation(
            summary = "Issue an access token and a refresh token for a username and password",
            description = "Throttled per account and address: after a few wrong passwords further attempts from "
                    + "that address wait a growing delay (429 with Retry-After). Audited.")
    @PostMapping("/issue")
    TokenResponse issue(@RequestBody IssueRequest request, HttpServletRequest http) {
        return TokenResponse.of(tokens.issue(request.username(), request.password(), http.getRemoteAddr()));
    }

    @Operation(
            summary = "Exchange a refresh token for a new token pair",
            description = "A refresh token works once: the answer carries the next one. Presenting a used refresh "
                    + "token again revokes every token of its sign-in.")
    @PostMapping("/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request, HttpServletRequest http) {
        return TokenResponse.of(tokens.refresh(request.refreshToken(), http.getRemoteAddr()));
    }

    @Operation(
            summary = "Sign out of the API",
            description = "Called with the access token of a sign-in: ends its refresh-token family, and every "
                    + "access and refresh token of the user issued until now stops working. Not with a PAT.")
    @SecurityRequirement(name = "bearer")
    @PostMapping("/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(HttpServletRequest http) {
        var caller = currentUser
                .authentication()
                .filter(UserAccessTokenAuthentication.class::isInstance)
                .map(UserAccessTokenAuthentication.class::cast)
                .orElseThrow(() -> new ServiceException.Forbidden("api.auth.signOutNeedsUserToken"));
        tokens.signOut(caller.user(), http.getRemoteAddr());
    }
}
