package dev.scopekeeper.security.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.security.UserTokenService;
import dev.scopekeeper.security.UserTokenService.IssuedTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User bearer tokens: sign in with username and password, then refresh. Public endpoints. */
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

    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken, @JsonProperty("expires_in") long expiresIn) {

        static TokenResponse of(IssuedTokens tokens) {
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn().toSeconds());
        }

        @Override
        public String toString() {
            return "TokenResponse[expiresIn=" + expiresIn + "]";
        }
    }

    private final UserTokenService tokens;

    UserTokenController(UserTokenService tokens) {
        this.tokens = tokens;
    }

    @Operation(summary = "Issue an access token and a refresh token for a username and password")
    @PostMapping("/issue")
    TokenResponse issue(@RequestBody IssueRequest request) {
        return TokenResponse.of(tokens.issue(request.username(), request.password()));
    }

    @Operation(summary = "Exchange a refresh token for a new token pair")
    @PostMapping("/refresh")
    TokenResponse refresh(@RequestBody RefreshRequest request) {
        return TokenResponse.of(tokens.refresh(request.refreshToken()));
    }
}
