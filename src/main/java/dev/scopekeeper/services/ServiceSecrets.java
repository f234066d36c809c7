package dev.scopekeeper.services;

import dev.scopekeeper.pat.PatTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The secret of a service credential: {@code svc_} + the PAT format's random base62 body and CRC32 checksum
 * ({@link PatTokens}), so secret scanners find leaks and typos are refused without a database lookup; stored as the
 * same (optionally peppered) SHA-256 digest as a PAT.
 */
@Component
class ServiceSecrets {

    static final String PREFIX = "svc_";

    private final PatTokens tokens;

    ServiceSecrets(PatTokens tokens) {
        this.tokens = tokens;
    }

    String generate() {
        return tokens.generate(PREFIX);
    }

    /** Well-formed with a valid checksum (says nothing about whether it exists). */
    static boolean wellFormed(String secret) {
        return PatTokens.check(secret, PREFIX) == null;
    }

    String digest(String secret) {
        return tokens.digest(secret);
    }

    /** See {@link PatTokens#byDigest}: the same digest as a PAT's. */
    Map<String, String> byDigest(Collection<String> secrets, int max) {
        return tokens.byDigest(secrets, max);
    }

    /** Compares two digests in time independent of where they differ. */
    static boolean sameDigest(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
