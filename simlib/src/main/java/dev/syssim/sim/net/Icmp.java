package dev.syssim.sim.net;

/** ICMP message types and the destination-unreachable codes, with their numbers from RFC 792/1812. */
public final class Icmp {

    public static final int ECHO_REPLY = 0;
    public static final int DEST_UNREACH = 3;
    public static final int SOURCE_QUENCH = 4;
    public static final int REDIRECT = 5;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETER_PROBLEM = 12;
    public static final int TIMESTAMP = 13;
    public static final int TIMESTAMP_REPLY = 14;
    public static final int INFO_REQUEST = 15;
    public static final int INFO_REPLY = 16;
    public static final int ADDRESS_MASK_REQUEST = 17;
    public static final int ADDRESS_MASK_REPLY = 18;

    /** Codes of {@link #DEST_UNREACH}. */
    public static final int NET_UNREACH = 0;
    public static final int HOST_UNREACH = 1;
    public static final int PROT_UNREACH = 2;
    public static final int PORT_UNREACH = 3;
    public static final int FRAG_NEEDED = 4;
    public static final int NET_PROHIBITED = 9;
    public static final int HOST_PROHIBITED = 10;
    /** "Communication administratively prohibited" (RFC 1812), what {@code icmp-admin-prohibited} sends. */
    public static final int ADMIN_PROHIBITED = 13;

    private Icmp() {
    }

    /** True for the types that report an error about another packet, which they quote. */
    public static boolean isError(int type) {
        return type == DEST_UNREACH || type == SOURCE_QUENCH || type == REDIRECT
                || type == TIME_EXCEEDED || type == PARAMETER_PROBLEM;
    }

    /** The reply type of a query type (echo request to echo reply ...), or -1 if it is no query. */
    public static int replyTypeOf(int type) {
        return switch (type) {
            case ECHO_REQUEST -> ECHO_REPLY;
            case TIMESTAMP -> TIMESTAMP_REPLY;
            case INFO_REQUEST -> INFO_REPLY;
            case ADDRESS_MASK_REQUEST -> ADDRESS_MASK_REPLY;
            default -> -1;
        };
    }
}
