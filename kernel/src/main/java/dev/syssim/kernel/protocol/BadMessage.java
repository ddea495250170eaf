package dev.syssim.kernel.protocol;

/**
 * Frames that are not a message the kernel may act on: a missing frame, a bad signature, malformed
 * JSON. The channel logs and drops them and goes on serving; it never lets them end a loop.
 */
final class BadMessage extends Exception {

    private static final long serialVersionUID = 1L;

    BadMessage(String reason) {
        super(reason);
    }
}
