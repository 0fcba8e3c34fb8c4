package com.hirerelay.host.vault;

/**
 * A stored secret does not decrypt with the host's master key: the key was deleted (the host then makes a
 * new one), replaced, or the secret was altered. Retrying will not help until an operator restores the key
 * or the secret is stored again.
 */
public final class SecretUnreadableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SecretUnreadableException(Throwable cause) {
        super("A stored secret could not be decrypted (was the master key changed?)", cause);
    }
}
