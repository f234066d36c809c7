package dev.scopekeeper.pat;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token format: {@code pat_} + 32 base62 characters from {@link SecureRandom} (about 190 bits)
 * + 6 base62 characters of the body's CRC32. The prefix lets secret scanners find leaks; the
 * checksum rejects typos and forgeries without touching the database. Only a SHA-256 digest
 * (HMAC-SHA256 when a server pepper is configured) is ever stored, plus a display hint.
 */
public final class PatTokens {

    public static final String PREFIX = "pat_";
    static final int BODY_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    public static final int TOKEN_LENGTH = PREFIX.length() + BODY_LENGTH + CHECKSUM_LENGTH;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SecureRandom random;
    private final byte[] pepper;
    /**
     * A fresh SHA-256 (or HMAC-SHA256 already keyed with the pepper) that {@link #digest} clones: looking the
     * algorithm up in the providers and keying the MAC on every request cost more than the digest itself.
     * Never used itself, only cloned, so it holds no token's bytes.
     */
    private final Object prototype;

    /** @param pepper server-side key for the digest, or null/empty for a plain SHA-256 */
    public PatTokens(byte[] pepper) {
        this(new SecureRandom(), pepper);
    }

    PatTokens(SecureRandom random, byte[] pepper) {
        this.random = random;
        this.pepper = pepper == null || pepper.length == 0 ? null : pepper.clone();
        this.prototype = newDigester();
    }

    private Object newDigester() {
        try {
            if (pepper == null) {
                return MessageDigest.getInstance("SHA-256");
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A digester of its own for one call (the prototype's clone, or a new one where cloning is not supported). */
    private Object digester() {
        try {
            return prototype instanceof Mac mac ? mac.clone() : ((MessageDigest) prototype).clone();
        } catch (CloneNotSupportedException notCloneable) {
            return newDigester();
        }
    }

    /** Why a presented token was refused before any database lookup. */
    public enum Problem {
        MALFORMED,
        BAD_CHECKSUM
    }

    public String generate() {
        return generate(PREFIX);
    }

    /**
     * A secret of the same format under another four-character prefix (e.g. {@code svc_} for service credentials):
     * the same length, randomness and checksum, so {@link #check(String, String)} and {@link #digest} apply.
     */
    public String generate(String prefix) {
        requirePrefix(prefix);
        StringBuilder body = new StringBuilder(BODY_LENGTH);
        for (int i = 0; i < BODY_LENGTH; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return prefix + body + checksum(body);
    }

    private static void requirePrefix(String prefix) {
        if (prefix.length() != PREFIX.length()) {
            throw new IllegalArgumentException("a prefix has " + PREFIX.length() + " characters");
        }
    }

    /** Null when the token is well-formed with a valid checksum, otherwise what is wrong with it. */
    public static Problem check(String token) {
        return check(token, PREFIX);
    }

    /** Like {@link #check(String)} for a secret of this format under another prefix ({@link #generate(String)}). */
    public static Problem check(String token, String prefix) {
        requirePrefix(prefix);
        if (token == null || token.length() != TOKEN_LENGTH || !token.startsWith(prefix)) {
            return Problem.MALFORMED;
        }
        for (int i = PREFIX.length(); i < TOKEN_LENGTH; i++) {
            if (ALPHABET.indexOf(token.charAt(i)) < 0) {
                return Problem.MALFORMED;
            }
        }
        String body = token.substring(PREFIX.length(), PREFIX.length() + BODY_LENGTH);
        String checksum = token.substring(PREFIX.length() + BODY_LENGTH);
        return checksum.equals(checksum(body)) ? null : Problem.BAD_CHECKSUM;
    }

    /** Hex of SHA-256 (or HMAC-SHA256 with the pepper): what the database stores and is searched by. */
    public String digest(String token) {
        byte[] input = token.getBytes(StandardCharsets.US_ASCII);
        Object digester = digester();
        byte[] digest = digester instanceof Mac mac ? mac.doFinal(input) : ((MessageDigest) digester).digest(input);
        return HexFormat.of().formatHex(digest);
    }

    /**
     * A leak report's secrets by their digest, duplicates once, in the order given (PATs and service credentials
     * alike); refused beyond {@code max} distinct secrets, the bound of the caller's {@code IN (...)} lookup.
     */
    public Map<String, String> byDigest(Collection<String> secrets, int max) {
        Map<String, String> secretByDigest = new LinkedHashMap<>();
        for (String secret : secrets) {
            secretByDigest.putIfAbsent(digest(secret), secret);
        }
        if (secretByDigest.size() > max) {
            throw new IllegalArgumentException("at most " + max + " secrets per leak report");
        }
        return secretByDigest;
    }

    /** Safe to show and to log: {@code pat_ab12…wxyz}. */
    public static String hint(String token) {
        return token.substring(0, PREFIX.length() + 4) + "…" + token.substring(token.length() - 4);
    }

    static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(out);
    }
}
