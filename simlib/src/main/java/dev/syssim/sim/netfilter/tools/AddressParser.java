package dev.syssim.sim.netfilter.tools;

import dev.syssim.sim.net.Cidr;
import dev.syssim.sim.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * libxtables' address parsing for {@code -s}/{@code -d} ({@code xtables_ipparse_multiple}): a
 * comma-separated list of {@code host[/mask]}; the mask a length or dotted; a short address
 * completed as a network ({@code 10.84.1} is {@code 10.84.1.0}); a host name through the resolver
 * (all its addresses); mask 0 ignores the name ({@code any/0}). Host bits are cleared.
 */
final class AddressParser {

    private AddressParser() {
    }

    static List<Cidr> parseMultiple(String text, Function<String, List<Ipv4Address>> resolver) {
        List<Cidr> result = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String spec = item.stripLeading();
            String host = spec;
            int mask = -1;
            int slash = spec.lastIndexOf('/');
            if (slash >= 0) {
                host = spec.substring(0, slash);
                mask = parseMask(spec.substring(slash + 1));
            }
            if (mask == 0) host = "0.0.0.0";
            for (Ipv4Address address : hostOrNetwork(host, resolver)) {
                result.add(new Cidr(address, mask));
            }
        }
        return result;
    }

    /** A mask as a length 0..32 or a dotted quad; "invalid mask" otherwise. */
    static int parseMask(String text) {
        Ipv4Address dotted = numeric(text, true);
        if (dotted != null) return dotted.bits();
        OptionalLong bits = CNumbers.parse(text, 0, 32);
        if (bits.isEmpty()) throw XtablesError.parameter("invalid mask `" + text + "' specified");
        return Cidr.maskOf((int) bits.getAsLong());
    }

    private static List<Ipv4Address> hostOrNetwork(String name, Function<String, List<Ipv4Address>> resolver) {
        Ipv4Address numeric = numeric(name, false);
        if (numeric != null) return List.of(numeric);
        List<Ipv4Address> resolved = resolver.apply(name);
        if (resolved == null || resolved.isEmpty()) {
            throw XtablesError.parameter("host/network `" + name + "' not found");
        }
        return resolved;
    }

    /**
     * {@code xtables_numeric_to_ipaddr}: up to four dot-separated bytes, each a C number 0..255; fewer
     * than four make a network address with zeros after (not for a mask, which needs all four).
     */
    static Ipv4Address numeric(String dotted, boolean isMask) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length > 4 || (isMask && parts.length != 4)) return null;
        int bits = 0;
        for (int i = 0; i < 4; i++) {
            int octet = 0;
            if (i < parts.length) {
                OptionalLong value = CNumbers.parse(parts[i], 0, 255);
                if (value.isEmpty()) return null;
                octet = (int) value.getAsLong();
            }
            bits = (bits << 8) | octet;
        }
        return new Ipv4Address(bits);
    }
}
