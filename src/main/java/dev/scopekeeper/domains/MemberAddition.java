package dev.scopekeeper.domains;

/**
 * What adding a member did: either the user is a member now ({@link #member}, a role change or a platform
 * administrator's direct add) or they were invited and become one when they accept ({@link #invitation}).
 */
public record MemberAddition(MemberView member, InvitationView invitation) {

    public MemberAddition {
        if ((member == null) == (invitation == null)) {
            throw new IllegalArgumentException("exactly one of member and invitation");
        }
    }

    public boolean invited() {
        return invitation != null;
    }
}
