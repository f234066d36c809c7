package dev.scopekeeper.audit;

/** What the audit log records. Never a secret: details hold names, hints and reasons only. */
public enum AuditEventType {
    PAT_CREATED, PAT_REGENERATED, PAT_REVOKED, PAT_DELETED, PAT_RENAMED, PAT_DESCRIBED, PAT_SCOPES_ADDED,
    PAT_SCOPES_REMOVED, PAT_USE_DENIED,
    LOGIN_SUCCEEDED, LOGIN_FAILED,
    USER_CREATED, USER_DISABLED, USER_ENABLED, USER_ROLE_CHANGED, USER_PASSWORD_RESET,
    POLICY_CHANGED,
    PAT_REVOCATION_LIFTED
}
