package dev.scopekeeper.audit;

import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.OffsetPage;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.security.UserCredentialsOnly;
import jakarta.persistence.criteria.Predicate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log for platform administrators: filtered pages, and a CSV export of the filtered view. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@UserCredentialsOnly
public class AuditService {

    /** The most rows one CSV export writes (newest first). */
    public static final int MAX_EXPORT_ROWS = 50_000;

    private static final int EXPORT_PAGE = 100;

    private final AuditEventRepository events;

    AuditService(AuditEventRepository events) {
        this.events = events;
    }

    /**
     * Filters (null = not filtered): occurred at or after {@code from}, before {@code to}; actor name as
     * recorded (case-insensitive; a failed sign-in's actor is the username as typed); event type; token id.
     */
    public record AuditQuery(
            Instant from, Instant to, String actor, AuditEventType type, Long tokenId, int offset, int limit) {

        public AuditQuery withPage(int offset, int limit) {
            return new AuditQuery(from, to, actor, type, tokenId, offset, limit);
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public ListResult<AuditEntry> list(AuditQuery query) {
        OffsetPage page = OffsetPage.of(query.offset(), query.limit(), order());
        Page<AuditEvent> result = events.findAll(spec(query), page);
        return ListResult.of(result, page, AuditEvent::toEntry);
    }

    /** Writes the filtered view as UTF-8 CSV, newest first, page by page, at most {@link #MAX_EXPORT_ROWS} rows. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int exportCsv(AuditQuery query, OutputStream out) {
        Specification<AuditEvent> spec = spec(query);
        int written = 0;
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("id,occurred_at,event_type,actor_id,actor_name,target_type,target_id,ip,details\r\n");
            Long before = null;
            while (written < MAX_EXPORT_ROWS) {
                int size = Math.min(EXPORT_PAGE, MAX_EXPORT_ROWS - written);
                Long cursor = before;
                Specification<AuditEvent> pageSpec =
                        cursor == null ? spec : spec.and((root, cq, cb) -> cb.lessThan(root.get("id"), cursor));
                List<AuditEvent> rows = events.findAll(pageSpec, OffsetPage.of(0, size, order()))
                        .getContent();
                for (AuditEvent event : rows) {
                    AuditEntry e = event.toEntry();
                    writer.write(e.id() + "," + e.occurredAt() + "," + e.eventType() + ","
                            + (e.actorId() == null ? "" : e.actorId()) + "," + csv(e.actorName()) + ","
                            + csv(e.targetType()) + "," + (e.targetId() == null ? "" : e.targetId()) + ","
                            + csv(e.ip()) + "," + csv(e.details()) + "\r\n");
                    before = e.id();
                }
                written += rows.size();
                if (rows.size() < size) {
                    break;
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Newest first; ids grow with time, so the id orders ties and pages the export. */
    private static Sort order() {
        return Sort.by(Sort.Direction.DESC, "id");
    }

    private static Specification<AuditEvent> spec(AuditQuery query) {
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw new InvalidInput("to", "admin.audit.validation.range");
        }
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), query.from()));
            }
            if (query.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), query.to()));
            }
            if (query.actor() != null && !query.actor().isBlank()) {
                where.add(cb.equal(root.get("actorName"), query.actor().strip()));
            }
            if (query.type() != null) {
                where.add(cb.equal(root.get("eventType"), query.type()));
            }
            if (query.tokenId() != null) {
                where.add(cb.equal(root.get("targetType"), "pat"));
                where.add(cb.equal(root.get("targetId"), query.tokenId()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not run it. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
