package dev.scopekeeper.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The HMAC-SHA256 key of the API's access tokens. Never in the database (whoever can read the database
 * could otherwise forge an administrator's token): {@code SCOPEKEEPER_API_SIGNING_KEY} (at least 32
 * characters) when set, otherwise 32 random bytes kept in a file readable by the process owner only
 * (mode 0600, in a 0700 directory when it creates one), by default {@code <SCOPEKEEPER_DATA_DIR>/api-signing.key}
 * beside the embedded database's files. A key file that others can read is tightened to 0600 at start.
 * The key is never logged.
 */
final class ApiSigningKey {

    static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(ApiSigningKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private ApiSigningKey() {}

    static SecretKey resolve(String configuredKey, Path keyFile) {
        if (StringUtils.hasText(configuredKey)) {
            if (configuredKey.length() < 32) {
                throw new IllegalStateException("scopekeeper.api.signing-key (SCOPEKEEPER_API_SIGNING_KEY) must be "
                        + "at least 32 characters");
            }
            return new SecretKeySpec(configuredKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        }
        return new SecretKeySpec(fromFile(keyFile), "HmacSHA256");
    }

    static byte[] fromFile(Path keyFile) {
        try {
            Path file = keyFile.toAbsolutePath().normalize();
            if (!Files.exists(file)) {
                create(file);
            }
            tighten(file);
            byte[] key = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException(
                        "The API signing key file " + file + " holds fewer than " + KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API signing key file " + keyFile, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The API signing key file " + keyFile + " is not Base64", e);
        }
    }

    private static void create(Path file) throws IOException {
        boolean posix = posix(file);
        Path dir = file.getParent();
        if (dir != null && !Files.exists(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            if (posix) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            }
            Files.writeString(
                    temp,
                    Base64.getEncoder().encodeToString(key),
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            // Complete or not at all: two nodes racing on a shared directory, the first file wins, the loser reads it.
            Files.createLink(file, temp);
            log.info("Generated the API signing key in {} (mode 0600)", file);
        } catch (FileAlreadyExistsException raceLost) {
            log.debug("The API signing key file {} was created by another process", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void tighten(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            log.warn("The API signing key file {} was readable by others; its mode is now 0600", file);
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
