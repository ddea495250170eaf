package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Services;
import dev.syssim.sim.netfilter.PortRange;
import java.util.OptionalLong;

/** Port and port-range parsing as libxtables and the tcp/udp matches do it. */
final class PortParser {

    private PortParser() {
    }

    /** {@code xtables_parse_port}: a number 0..65535 (C syntax) or a service name. */
    static int port(String text) {
        OptionalLong number = CNumbers.parse(text, 0, 65535);
        if (number.isPresent()) return (int) number.getAsLong();
        return Services.portOf(text).orElseThrow(
                () -> XtablesError.parameter("invalid port/service `" + text + "' specified"));
    }

    /**
     * libxt_udp's {@code --sport}/{@code --dport} in 1.8.9 (the guided parser's port range): each
     * end is C {@code strtoul} in base 10 taken as a 32-bit unsigned, then cut to 16 bits, so
     * {@code 65536} is port 0 and {@code 70000} port 4464; only the all-ones value (what
     * {@code -1} gives) counts as no number, and then the word must be a service name. A range may
     * run backwards ({@code 1024:1} is kept as written). libxt_tcp checks both; udp does neither.
     */
    static PortRange udpRange(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            int port = udpPort(text);
            return new PortRange(port, port);
        }
        String low = text.substring(0, colon);
        String high = text.substring(colon + 1);
        return new PortRange(low.isEmpty() ? 0 : udpPort(low), high.isEmpty() ? 65535 : udpPort(high));
    }

    private static int udpPort(String text) {
        java.util.OptionalLong number = strtoulBase10(text);
        if (number.isPresent() && (number.getAsLong() & 0xFFFF_FFFFL) != 0xFFFF_FFFFL) {
            return (int) (number.getAsLong() & 0xFFFF);
        }
        return Services.portOf(text).orElseThrow(
                () -> XtablesError.parameter("Port \"" + text + "\" does not resolve to anything.\n"));
    }

    /** C {@code strtoul(text, &end, 10)} with {@code *end == '\0'} required: the unsigned long, wrapped as C does a minus. */
    private static java.util.OptionalLong strtoulBase10(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) negative = text.charAt(i++) == '-';
        int start = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
        if (i == start || i != text.length()) return java.util.OptionalLong.empty();
        java.math.BigInteger value = new java.math.BigInteger(text.substring(start, i));
        if (value.bitLength() > 64) return java.util.OptionalLong.of(-1L);  // ERANGE: ULONG_MAX
        long bits = value.longValue();
        return java.util.OptionalLong.of(negative ? -bits : bits);
    }

    /** The tcp match's {@code PORT}, {@code MIN:MAX}, {@code MIN:} or {@code :MAX}. */
    static PortRange range(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) return PortRange.of(port(text));
        String low = text.substring(0, colon);
        String high = text.substring(colon + 1);
        int min = low.isEmpty() ? 0 : port(low);
        int max = high.isEmpty() ? 65535 : port(high);
        if (min > max) throw XtablesError.parameter("invalid portrange (min > max)");
        return new PortRange(min, max);
    }
}
