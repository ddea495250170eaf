package dev.syssim.sim.netfilter;

/**
 * A rule's {@code [!] -i} or {@code [!] -o}: an interface name, or with a trailing {@code +} every
 * name with that prefix ({@code eth+}). Held as the prefix and a wildcard flag so matching is a
 * plain string comparison.
 */
public record InterfaceMatch(String prefix, boolean wildcard, boolean inverted) {

    /** No {@code -i}/{@code -o} given: any interface, including none. */
    public static final InterfaceMatch ANY = new InterfaceMatch("", true, false);

    public InterfaceMatch {
        // Interned, so the usual case — the stack passing the same literal name — compares by identity.
        prefix = prefix.intern();
    }

    /** The match for a name as typed, {@code eth0} or {@code eth+}. */
    public static InterfaceMatch of(String name, boolean inverted) {
        boolean wildcard = name.endsWith("+");
        return new InterfaceMatch(wildcard ? name.substring(0, name.length() - 1) : name, wildcard, inverted);
    }

    /** {@code iface} is the interface the packet came in on or goes out of; "" for none (e.g. in OUTPUT). */
    public boolean matches(String iface) {
        boolean hit = wildcard ? iface.startsWith(prefix) : iface == prefix || iface.equals(prefix);
        return hit != inverted;
    }

    public boolean isAny() {
        return wildcard && prefix.isEmpty() && !inverted;
    }

    /** The name as iptables prints it: {@code eth0}, {@code eth+}. */
    public String name() {
        return wildcard ? prefix + "+" : prefix;
    }
}
