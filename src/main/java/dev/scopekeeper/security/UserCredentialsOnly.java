package dev.scopekeeper.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one credential rule: a service (or one method) only a person may call — signed in with a browser or
 * holding a user access token —, never a personal access token. A PAT reaches only the domain operations of the
 * catalogue ({@link dev.scopekeeper.authz.RequiresOperation}); the services that manage tokens, users, policies, the audit log or the
 * caller's own invitations carry this annotation, and {@code authz.OperationAuthorization} refuses a call whose
 * authentication holds the {@value #PAT_AUTHORITY} authority with 403 and the message {@link #value()} names.
 * Browser sessions and user access tokens are unaffected, so the Vaadin views call the same services unchanged.
 *
 * <p>On a type it covers every public method the proxy intercepts; a method marked {@link AnyCredential} is
 * exempt (it needs no credential at all, e.g. reporting a leaked token).
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface UserCredentialsOnly {

    /** The authority every authentication made with a personal access token carries (and nothing else does). */
    String PAT_AUTHORITY = "CREDENTIAL_PAT";

    /**
     * The authority of a request authenticated with a service credential ({@code svc_…}, another service asking
     * about a token): refused by this rule like a PAT, and at the API's door kept to the two decision endpoints.
     */
    String SERVICE_AUTHORITY = "CREDENTIAL_SERVICE";

    /** Managing tokens (one's own, every user's, a domain's). */
    String TOKEN_MANAGEMENT = "pat.error.tokenCannotManageTokens";

    /** Everything else that is not a catalogue operation. */
    String NOT_IN_CATALOGUE = "pat.error.onlyCatalogueOperations";

    /** The translation key of the refusal's message. */
    String value() default NOT_IN_CATALOGUE;
}
