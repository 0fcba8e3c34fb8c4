package com.hirerelay.host.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts integration secrets at rest with AES-256-GCM. The key comes from the environment variable
 * {@value #KEY_VARIABLE} (base64 of 32 bytes) or, when that is unset, from the file {@code master.key} in
 * the data folder, created at first start readable by its owner only.
 *
 * <p>A ciphertext is base64 of a fresh 12-byte nonce followed by the GCM output; the integration's id is
 * bound as associated data so that a secret copied to another row does not decrypt.
 */
public final class CredentialVault {

    /** The environment variable that may hold the base64 master key. */
    public static final String KEY_VARIABLE = "HIRERELAY_MASTER_KEY";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private CredentialVault(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param dataDir where {@code master.key} lives when the environment does not provide the key
     * @return the vault
     */
    public static CredentialVault open(Path dataDir) {
        String fromEnvironment = System.getenv(KEY_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new CredentialVault(Base64.getDecoder().decode(fromEnvironment.strip()));
        }
        return new CredentialVault(keyFile(dataDir.resolve("master.key")));
    }

    /** A vault over a given key, for tests. */
    public static CredentialVault withKey(byte[] key) {
        return new CredentialVault(key.clone());
    }

    /**
     * @param plaintext the secret
     * @param context what the secret belongs to (for example "integration:factorial:api_key")
     * @return the ciphertext, base64
     */
    public String encrypt(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * @param ciphertext what {@link #encrypt} returned
     * @param context the same context it was encrypted with
     * @return the secret
     * @throws IllegalStateException if the ciphertext was altered, the context differs or the key changed
     */
    public String decrypt(String ciphertext, String context) {
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret could not be decrypted (was the master key changed?)", e);
        }
    }

    /**
     * The form in which a secret may be shown: bullets and, for secrets long enough that it reveals
     * little, the last four characters.
     *
     * @param secret the secret
     * @return for example {@code ••••••••3f9a}
     */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        return secret.length() >= 16 ? "••••••••" + secret.substring(secret.length() - 4) : "••••••••";
    }

    private static byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                // an older version, a restore or a copy may have left it readable by others
                ownerOnly(file);
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Path folder = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(folder)) {
                try {
                    Files.createDirectories(
                            folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException noPosix) {
                    Files.createDirectories(folder);
                }
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException e) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardOpenOption.TRUNCATE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    /** Readable and writable by the owner only, where the file system has POSIX permissions. */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException noPosix) {
            // a file system without POSIX permissions: its ACLs are the operator's
        }
    }
}
