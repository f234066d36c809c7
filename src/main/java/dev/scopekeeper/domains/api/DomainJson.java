package dev.scopekeeper.domains.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ServiceException.InvalidInput;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.InvitationView;
import dev.scopekeeper.domains.MemberView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of domains, members and invitations (snake_case, lower-case enum values). */
final class DomainJson {

    private DomainJson() {}

    /** {@code my_role} is the caller's effective role in the domain (admin for platform administrators). */
    record DomainResponse(
            long id,
            String name,
            String route,
            List<String> tags,

            @Schema(allowableValues = {"enabled", "disabled"})
            String status,

            @JsonProperty("created_by") long createdBy,
            @JsonProperty("created_at") Instant createdAt,

            @JsonProperty("my_role") @Schema(allowableValues = {"admin", "editor", "viewer"})
            String myRole) {

        static DomainResponse of(DomainView v) {
            return new DomainResponse(
                    v.id(),
                    v.name(),
                    v.route(),
                    v.tags(),
                    v.status().wireName(),
                    v.createdBy(),
                    v.createdAt(),
                    v.myRole() == null ? null : v.myRole().wireName());
        }
    }

    record DomainList(long total, int offset, int limit, List<DomainResponse> domains) {}

    record MemberResponse(
            @JsonProperty("user_id") long userId,
            String username,
            @JsonProperty("display_name") String displayName,

            @Schema(allowableValues = {"admin", "editor", "viewer"})
            String role) {

        static MemberResponse of(MemberView v) {
            return new MemberResponse(
                    v.userId(), v.username(), v.displayName(), v.role().wireName());
        }
    }

    record MemberList(long total, int offset, int limit, List<MemberResponse> members) {}

    record InvitationResponse(
            long id,
            @JsonProperty("domain_id") long domainId,
            @JsonProperty("domain_name") String domainName,
            @JsonProperty("invitee_user_id") long inviteeUserId,
            @JsonProperty("invitee_username") String inviteeUsername,

            @Schema(allowableValues = {"admin", "editor", "viewer"})
            String role,

            @JsonProperty("invited_by") long invitedBy,
            @JsonProperty("invited_by_username") String invitedByUsername,
            @JsonProperty("created_at") Instant createdAt,

            @Schema(allowableValues = {"pending", "accepted", "rejected"})
            String state) {

        static InvitationResponse of(InvitationView v) {
            return new InvitationResponse(
                    v.id(),
                    v.domainId(),
                    v.domainName(),
                    v.inviteeId(),
                    v.inviteeUsername(),
                    v.role().wireName(),
                    v.invitedBy(),
                    v.invitedByUsername(),
                    v.createdAt(),
                    v.state().wireName());
        }
    }

    record InvitationList(long total, int offset, int limit, List<InvitationResponse> invitations) {}

    /** A role as the API writes it; missing: the service's "Role is required"; unknown: 422 on {@code role}. */
    static DomainRole role(String wire) {
        if (wire == null || wire.isBlank()) {
            return null;
        }
        return DomainRole.fromWire(wire.strip()).orElseThrow(() -> new InvalidInput("role", "validation.role.invalid"));
    }
}
