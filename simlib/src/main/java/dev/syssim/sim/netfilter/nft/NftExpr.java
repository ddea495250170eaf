package dev.syssim.sim.netfilter.nft;

import java.util.List;

/**
 * One expression or statement of an nftables rule, in the order written: matches
 * ({@code tcp dport 22}, {@code ip saddr @blocked}, {@code ct state new}), and statements
 * ({@code counter}, {@code limit rate 3/minute}, {@code log prefix "x"}) and the verdict that ends
 * a rule. The closed family the simulation knows.
 */
public sealed interface NftExpr {

    /** {@code counter [packets N bytes M]}: starting from the given counts. */
    static Counter counter(long packets, long bytes) {
        return new Counter(packets, bytes);
    }

    /** {@code limit rate [over] RATE/UNIT [burst N packets]}; {@code unitSeconds} the unit in seconds. */
    static Limit limit(long rate, String unit, long unitSeconds, int burst, boolean over) {
        return new Limit(rate, unit, unitSeconds, burst, over);
    }

    /** What a match compares: a field of the packet or of its metadata. */
    enum Field {
        IP_SADDR("ip saddr"), IP_DADDR("ip daddr"), IP_PROTOCOL("ip protocol"),
        TCP_SPORT("tcp sport"), TCP_DPORT("tcp dport"), UDP_SPORT("udp sport"), UDP_DPORT("udp dport"),
        CT_STATE("ct state"), IIF("iif"), OIF("oif"), IIFNAME("iifname"), OIFNAME("oifname"),
        L4PROTO("meta l4proto"), ICMP_TYPE("icmp type");

        private final String text;

        Field(String text) {
            this.text = text;
        }

        /** As nft writes it: {@code ip saddr}. */
        public String text() {
            return text;
        }

        public boolean isAddress() {
            return this == IP_SADDR || this == IP_DADDR;
        }

        public boolean isPort() {
            return this == TCP_SPORT || this == TCP_DPORT || this == UDP_SPORT || this == UDP_DPORT;
        }

        public boolean isInterface() {
            return this == IIF || this == OIF || this == IIFNAME || this == OIFNAME;
        }

        /** The transport protocol a port field implies (the dependency nft adds and hides). */
        public int protocol() {
            return this == TCP_SPORT || this == TCP_DPORT ? 6 : this == UDP_SPORT || this == UDP_DPORT ? 17 : 0;
        }
    }

    /**
     * {@code FIELD [!=] VALUE}: each value a single one ({@code 22}, {@code 10.0.0.0/8} as
     * low..high), a range, or the members of an anonymous set; {@code setName} non-null for a
     * named set ({@code @blocked}). Numbers are the field's raw values (addresses as unsigned
     * ints, ct state as the kernel's bits); interfaces are kept as text.
     */
    record Match(Field field, boolean negated, List<long[]> ranges, List<String> names, String setName, boolean anonymous)
            implements NftExpr {
    }

    /** {@code counter}, with the packets and bytes it has counted (mutable, as the kernel's). */
    final class Counter implements NftExpr {
        long packets;
        long bytes;

        Counter(long packets, long bytes) {
            this.packets = packets;
            this.bytes = bytes;
        }
    }

    /** {@code limit rate [over] N/unit [burst B packets]}: a token bucket of its own (nft_limit). */
    final class Limit implements NftExpr {
        final long rate;
        final String unit;
        final long unitSeconds;
        final int burst;
        final boolean over;
        dev.syssim.sim.netfilter.TokenBucket bucket;

        Limit(long rate, String unit, long unitSeconds, int burst, boolean over) {
            this.rate = rate;
            this.unit = unit;
            this.unitSeconds = unitSeconds;
            this.burst = burst;
            this.over = over;
        }
    }

    /**
     * {@code log [prefix "TEXT"] [level L]}: a kernel log line, then the rule goes on; {@code prefix}
     * and {@code level} null when not given (level warn, syslog 4).
     */
    record Log(String prefix, String level) implements NftExpr {

        /** The syslog level of the line. */
        public int syslogLevel() {
            if (level == null) return 4;
            return switch (level) {
                case "emerg" -> 0;
                case "alert" -> 1;
                case "crit" -> 2;
                case "err" -> 3;
                case "notice" -> 5;
                case "info" -> 6;
                case "debug" -> 7;
                default -> 4;
            };
        }
    }

    /**
     * {@code FIELD vmap { KEY : VERDICT, … }}: an anonymous verdict map, its keys as [low, high]
     * sorted, each with its verdict; a value in no key decides nothing.
     */
    record Vmap(Field field, List<long[]> keys, List<Verdict> verdicts) implements NftExpr {

        public Vmap {
            keys = List.copyOf(keys);
            verdicts = List.copyOf(verdicts);
        }

        /** The verdict for {@code value}, or null. */
        public Verdict lookup(long value) {
            for (int i = 0; i < keys.size(); i++) {
                long[] k = keys.get(i);
                if (field == Field.CT_STATE ? (k[0] & value) != 0 : value >= k[0] && value <= k[1]) return verdicts.get(i);
            }
            return null;
        }
    }

    /** {@code comment "TEXT"}: the rule's note, printed last, doing nothing to packets. */
    record Comment(String text) implements NftExpr {
    }

    /**
     * The verdict: accept, drop, continue, return, jump/goto {@code argument} (the chain), reject
     * with {@code argument} null (port unreachable), {@code "tcp reset"}, {@code "icmp CODE"} or
     * {@code "icmpx CODE"}.
     */
    record Verdict(String kind, String argument) implements NftExpr {
    }
}
