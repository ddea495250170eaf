package dev.syssim.sim.netfilter;

/**
 * A rule's {@code [!] -f}: second and later fragments only, or none of them. The simulation never
 * fragments a packet, so {@code -f} never matches and {@code ! -f} always does.
 */
public enum FragmentMatch {
    ANY,
    FRAGMENTS,
    NON_FRAGMENTS;

    public boolean matches(boolean isLaterFragment) {
        return switch (this) {
            case ANY -> true;
            case FRAGMENTS -> isLaterFragment;
            case NON_FRAGMENTS -> !isLaterFragment;
        };
    }
}
