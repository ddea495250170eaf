package dev.syssim.sim.prog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Password hashes for /etc/shadow in crypt's {@code $6$salt$hash} shape (SHA-512). The simulation
 * does not run the real crypt rounds; su and sudo compare with {@link #matches}.
 */
public final class Passwords {

    private static final String SALT = "syssim";

    private Passwords() {
    }

    public static String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest((SALT + ":" + password).getBytes(StandardCharsets.UTF_8));
            return "$6$" + SALT + "$" + Base64.getEncoder().withoutPadding().encodeToString(digest).replace('+', '.');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    /** Whether {@code password} matches the shadow field (a locked account, {@code !} or {@code *}, matches nothing). */
    public static boolean matches(String shadowField, String password) {
        return shadowField.startsWith("$6$") && hash(password).equals(shadowField);
    }

    /** The password field of {@code user}'s line in the text of /etc/shadow, or null if there is none. */
    public static String shadowField(String shadow, String user) {
        if (shadow == null) return null;
        for (String line : shadow.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 2 && f[0].equals(user)) return f[1];
        }
        return null;
    }
}
