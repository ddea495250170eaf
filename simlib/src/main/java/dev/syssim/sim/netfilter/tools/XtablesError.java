package dev.syssim.sim.netfilter.tools;

/**
 * How the real iptables stops on an error: {@code xtables_error()} prints and calls
 * {@code exit()} from wherever the problem was found, deep in option parsing. This exception is
 * that exit, and nothing more: it never leaves the tools package — {@link Iptables#run} and its
 * siblings catch it and turn it into the {@link ToolResult} the simulation sees. The message is
 * rendered with the program's name and version by {@link #render}.
 */
final class XtablesError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of exit, with the status each ends with (xtables' {@code enum xtables_exittype}). */
    enum Kind {
        /** Status 1, "iptables v1.8.9 (nf_tables): MESSAGE". */
        OTHER(1),
        /** Status 2, the message then "Try `iptables -h' or 'iptables --help' for more information.". */
        PARAMETER(2),
        /** Status 3, the message then "Perhaps iptables or your kernel needs to be upgraded.". */
        VERSION(3),
        /** Status 4, the message only (kernel refused the change, no permission). */
        RESOURCE(4),
        /** Status 2, the message verbatim (no program prefix), then the try-help line. */
        BARE_PARAMETER(2),
        /** The text verbatim with its own status, e.g. "iptables: Chain already exists.". */
        PLAIN(1);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String text;
    private final int status;

    private XtablesError(Kind kind, String text, int status) {
        super(text, null, false, false);
        this.kind = kind;
        this.text = text;
        this.status = status;
    }

    static XtablesError parameter(String message) {
        return new XtablesError(Kind.PARAMETER, message, Kind.PARAMETER.status);
    }

    static XtablesError other(String message) {
        return new XtablesError(Kind.OTHER, message, Kind.OTHER.status);
    }

    static XtablesError version(String message) {
        return new XtablesError(Kind.VERSION, message, Kind.VERSION.status);
    }

    static XtablesError resource(String message) {
        return new XtablesError(Kind.RESOURCE, message, Kind.RESOURCE.status);
    }

    /** A message printed without the program prefix, then the try-help line: {@code Bad argument `x'}. */
    static XtablesError bareParameter(String message) {
        return new XtablesError(Kind.BARE_PARAMETER, message, Kind.BARE_PARAMETER.status);
    }

    /** Exit with only the try-help line ({@code exit_tryhelp(2)}), e.g. for {@code -6}. */
    static XtablesError tryHelp() {
        return new XtablesError(Kind.BARE_PARAMETER, null, 2);
    }

    /**
     * A real feature this simulation does not model (a match like {@code -m limit}, a target like
     * {@code -j MASQUERADE}): said plainly rather than pretending to do it or calling it unknown.
     */
    static XtablesError unsimulated(String what) {
        return new XtablesError(Kind.OTHER, what + " is not simulated by syssim", Kind.OTHER.status);
    }

    /** The whole stderr text as given, ending in a newline, and the status. */
    static XtablesError plain(String stderr, int status) {
        return new XtablesError(Kind.PLAIN, stderr, status);
    }

    /** The standard error text, as {@code program} (e.g. iptables-restore at {@code line}, or -1) prints it. */
    String render(String program, int line) {
        String prefix = program + " " + Iptables.VERSION + ": ";
        String tryHelp = (line >= 0 ? "Error occurred at line: " + line + "\n" : "")
                + "Try `" + program + " -h' or '" + program + " --help' for more information.\n";
        return switch (kind) {
            case OTHER, RESOURCE -> prefix + text + "\n";
            case PARAMETER -> prefix + text + "\n" + tryHelp;
            case VERSION -> prefix + text + "\nPerhaps iptables or your kernel needs to be upgraded.\n";
            case BARE_PARAMETER -> (text == null ? "" : text + "\n") + tryHelp;
            case PLAIN -> text;
        };
    }

    int status() {
        return status;
    }

    /** The reason of a plain answer without its program name: "Bad rule (...)." of "iptables: Bad rule (...).". */
    String plainReason() {
        String reason = text.strip();
        return reason.startsWith("iptables: ") ? reason.substring("iptables: ".length()) : reason;
    }

    /** Whether this is one of iptables' own one-line answers ("iptables: ..."), not a program error. */
    boolean isPlain() {
        return kind == Kind.PLAIN;
    }

    ToolResult toResult(String stdout, String program, int line) {
        return new ToolResult(stdout, render(program, line), status);
    }
}
