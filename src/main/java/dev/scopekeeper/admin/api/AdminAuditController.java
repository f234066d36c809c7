package dev.scopekeeper.admin.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.audit.AuditEntry;
import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditService;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for platform administrators. */
@RestController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Administration: audit", description = "Platform administrators: the audit log and its CSV export")
class AdminAuditController {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EventJson(
            long id,
            @JsonProperty("occurred_at") Instant occurredAt,
            @JsonProperty("event_type") String eventType,
            @JsonProperty("actor_id") Long actorId,
            @JsonProperty("actor_name") String actorName,
            @JsonProperty("target_type") String targetType,
            @JsonProperty("target_id") Long targetId,
            String ip,
            String details) {

        static EventJson of(AuditEntry e) {
            return new EventJson(
                    e.id(),
                    e.occurredAt(),
                    e.eventType().name(),
                    e.actorId(),
                    e.actorName(),
                    e.targetType(),
                    e.targetId(),
                    e.ip(),
                    e.details());
        }
    }

    private final AuditService audit;

    AdminAuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            summary =
                    "A page of the audit log, newest first (filters: from, to (ISO-8601), actor, event_type, token_id)")
    Map<String, Object> list(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "20") int limit,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String actor,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "token_id", required = false) Long tokenId) {
        ListResult<AuditEntry> page =
                audit.list(new AuditQuery(from, to, actor, type(eventType), tokenId, offset, limit));
        return Map.of(
                "total",
                page.total(),
                "offset",
                page.offset(),
                "limit",
                page.limit(),
                "events",
                page.items().stream().map(EventJson::of).toList());
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "The filtered audit log as CSV, streamed (newest first, at most 50,000 rows)")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The CSV file",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "text/csv",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")))
    void export(
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String actor,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(name = "token_id", required = false) Long tokenId,
            HttpServletResponse response)
            throws IOException {
        AuditQuery query = new AuditQuery(from, to, actor, type(eventType), tokenId, 0, 1);
        audit.list(query); // access check and validation before the response starts
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
        audit.exportCsv(query, response.getOutputStream());
    }

    private static AuditEventType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditEventType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("event_type", "admin.audit.validation.eventType");
        }
    }
}
