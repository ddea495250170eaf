package dev.syssim.sim.netfilter.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A token of nft's input and where it stands: {@code line} from 1, {@code column} and {@code end}
 * (exclusive) from 0 within the line, as nft's error messages locate them. nft's scanner knows
 * IP addresses, ranges and rates as tokens of their own; here a word is any run of characters that
 * are not blanks, braces, semicolons, commas or quotes, which cuts the input at the same places for
 * what a firewall course writes.
 */
record NftToken(Kind kind, String text, int line, int column, int end) {

    enum Kind { WORD, QUOTED, LBRACE, RBRACE, SEMICOLON, COMMA, NEWLINE, EOF }

    /**
     * The words nft 1.0.6's scanner turns into keywords in the places this simulation parses:
     * as a table or chain name they are a syntax error ("unexpected fwd, expecting string").
     * Hook names, chain types and priority names are strings to nft, and are here.
     */
    static final Set<String> KEYWORDS = Set.of("table", "chain", "rule", "set", "map", "element", "elements", "add",
            "create", "insert", "replace", "delete", "list", "flush", "reset", "rename", "ruleset", "tables", "chains",
            "sets", "maps", "handle", "position", "index", "type", "hook", "priority", "policy", "device", "accept", "drop",
            "reject", "continue", "return", "jump", "goto", "queue", "counter", "counters", "limit", "rate", "burst",
            "packets", "bytes", "over", "log", "prefix", "level", "ip", "ip6", "inet", "arp", "bridge", "netdev", "tcp",
            "udp", "icmp", "icmpx", "ct", "meta", "iif", "oif", "iifname", "oifname", "fwd", "dup", "with", "flags",
            "timeout", "size", "saddr", "daddr", "sport", "dport", "protocol", "l4proto", "state", "mark", "masquerade",
            "snat", "dnat", "redirect", "notrack", "quota", "comment", "describe", "monitor", "export", "import", "define",
            "include", "ttl", "length", "ether", "vlan", "th", "sctp", "ah", "esp", "fib", "rt", "socket", "osf");

    boolean is(Kind k) {
        return kind == k;
    }

    /** A word that is {@code word} (a keyword or a value). */
    boolean is(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isKeyword() {
        return kind == Kind.WORD && KEYWORDS.contains(text);
    }

    /** A name where nft wants a string: a word that is not a keyword nor a number, or a quoted string. */
    boolean isName() {
        return (kind == Kind.WORD && !isKeyword() && !isNumber()) || kind == Kind.QUOTED;
    }

    boolean isNumber() {
        return kind == Kind.WORD && !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    /** The text of a name, without the quotes of a quoted string. */
    String name() {
        return kind == Kind.QUOTED ? text.substring(1, text.length() - 1) : text;
    }

    boolean isSeparator() {
        return kind == Kind.NEWLINE || kind == Kind.SEMICOLON;
    }

    /** How bison names the token in "syntax error, unexpected …". */
    String errorName() {
        return switch (kind) {
            case WORD -> isKeyword() ? text : isNumber() ? "number" : "string";
            case QUOTED -> "quoted string";
            case LBRACE -> "'{'";
            case RBRACE -> "'}'";
            case SEMICOLON -> "semicolon";
            case COMMA -> "comma";
            case NEWLINE -> "newline";
            case EOF -> "end of file";
        };
    }

    /** Splits {@code source} into tokens; {@code #} starts a comment to the end of the line. */
    static List<NftToken> scan(String source) {
        List<NftToken> out = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            int col = i - lineStart;
            if (c == '\n') {
                out.add(new NftToken(Kind.NEWLINE, "\n", line, col, col + 1));
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                while (i < n && source.charAt(i) != '\n') i++;
            } else if (c == '{' || c == '}' || c == ';' || c == ',') {
                Kind k = c == '{' ? Kind.LBRACE : c == '}' ? Kind.RBRACE : c == ';' ? Kind.SEMICOLON : Kind.COMMA;
                out.add(new NftToken(k, String.valueOf(c), line, col, col + 1));
                i++;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') j++;
                int stop = j < n && source.charAt(j) == '"' ? j + 1 : j;
                out.add(new NftToken(Kind.QUOTED, source.substring(i, stop), line, col, col + stop - i));
                i = stop;
            } else {
                int j = i;
                while (j < n && " \t\r\n{};,\"#".indexOf(source.charAt(j)) < 0) j++;
                out.add(new NftToken(Kind.WORD, source.substring(i, j), line, col, col + j - i));
                i = j;
            }
        }
        out.add(new NftToken(Kind.EOF, "", line, 0, 1));
        return out;
    }
}
