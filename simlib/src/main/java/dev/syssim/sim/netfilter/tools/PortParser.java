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

    /** The tcp/udp match's {@code PORT}, {@code MIN:MAX}, {@code MIN:} or {@code :MAX}. */
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
