package org.evsettle.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids (name-based UUID version 5), so that a charger retrying the same message
 * produces the same eventId and every consumer can drop the repeat.
 */
public final class EventIds {

    /** The namespace of all EV Settle name-based ids. */
    private static final UUID NAMESPACE = UUID.fromString("6f1d2a9e-3c4b-5e8f-9a0b-1c2d3e4f5a6b");

    private EventIds() {
    }

    /** A UUID v5 of the parts joined with a separator that cannot occur in them unescaped. */
    public static UUID nameBased(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            name.append(String.valueOf(part).replace("\\", "\\\\").replace("|", "\\|")).append('|');
        }
        return uuidV5(name.toString());
    }

    private static UUID uuidV5(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        sha1.update(toBytes(NAMESPACE));
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
