package dev.scopekeeper.credentials.api;

import dev.scopekeeper.authz.NoAuthentication;
import dev.scopekeeper.base.Messages;
import dev.scopekeeper.credentials.LeakReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/credentials/revoke {"credentials": ["pat_…", …]}}: report leaked tokens. No
 * authentication; the same answer whatever was found.
 */
@RestController
@RequestMapping("/api/v1/credentials")
@Tag(name = "Leaked credentials", description = "Report tokens found in public places; live ones are revoked")
class CredentialRevocationController {

    private final LeakReportService reports;

    CredentialRevocationController(LeakReportService reports) {
        this.reports = reports;
    }

    /** Not {@code RevokeJson}: the API document names schemas by simple class name, and the admin's revoke
     * body ({@code {"reason"}}) has that name. */
    record LeakReportJson(List<String> credentials) {}

    @PostMapping("/revoke")
    @NoAuthentication
    @SecurityRequirements
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(
            responseCode = "429",
            description = "Too many reports from this address; retry after Retry-After seconds")
    @Operation(
            summary = "Report leaked tokens (no authentication, at most 1,000): every live PAT (pat_…) is revoked and"
                    + " its owner mailed, every live service credential (svc_…) revoked; the answer only counts the"
                    + " well-formed entries, whatever was found")
    ResponseEntity<Map<String, Object>> revoke(@RequestBody LeakReportJson body, HttpServletRequest request) {
        int accepted = reports.report(body.credentials(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("accepted", accepted));
    }

    @ExceptionHandler(LeakReportService.TooManyReports.class)
    ResponseEntity<ProblemDetail> tooMany(LeakReportService.TooManyReports e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, Messages.get("credentials.throttled", e.retryAfterSeconds()));
        problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }
}
