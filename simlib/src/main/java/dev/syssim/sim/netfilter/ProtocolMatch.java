package dev.syssim.sim.netfilter;

/** A rule's {@code [!] -p}: the IP protocol number; 0 ({@code all}) matches every packet. */
public record ProtocolMatch(int number, boolean inverted) {

    public static final ProtocolMatch ANY = new ProtocolMatch(0, false);

    public ProtocolMatch {
        if (number < 0 || number > 255) throw new IllegalArgumentException("protocol out of range: " + number);
    }

    public boolean matches(int protocol) {
        return number == 0 || ((protocol == number) != inverted);
    }

    /** True if every packet this rule sees is of {@code protocol} ({@code -p tcp}, not {@code ! -p tcp}). */
    public boolean is(int protocol) {
        return number == protocol && !inverted;
    }
}
