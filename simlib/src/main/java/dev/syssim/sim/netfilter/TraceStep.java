package dev.syssim.sim.netfilter;

/**
 * One step of a packet's walk through a table, in the kernel's TRACE form: a rule that
 * matched ({@code filter:FORWARD:rule:1}), the end of a user chain returning to its caller
 * ({@code filter:mychain:return:3}, numbered like the legacy kernel's TRACE: rules + 1), or a
 * built-in chain's policy ({@code filter:INPUT:policy:DROP}, as {@code xtables-monitor --trace}
 * prints it). {@code verdict} says what the step did: ACCEPT, DROP, REJECT, LOG, RETURN,
 * JUMP:chain, GOTO:chain, or CONTINUE for a rule without target.
 */
public record TraceStep(String table, String chain, Kind kind, int number, String verdict) {

    /** A step of the filter table. */
    public TraceStep(String chain, Kind kind, int number, String verdict) {
        this(TableKind.FILTER.tableName(), chain, kind, number, verdict);
    }

    /** What kind of step: a matching rule, a user chain's implicit return, or a policy. */
    public enum Kind {
        RULE,
        RETURN,
        POLICY;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The TRACE form: {@code filter:FORWARD:rule:1}, {@code filter:INPUT:policy:DROP}. */
    public String kernelForm() {
        String last = kind == Kind.POLICY ? verdict : Integer.toString(number);
        return table + ":" + chain + ":" + kind + ":" + last;
    }

    /** The TRACE form with what happened: {@code filter:FORWARD:rule:1 DROP}; a policy names it already. */
    public String label() {
        return kind == Kind.POLICY ? kernelForm() : kernelForm() + " " + verdict;
    }

    @Override
    public String toString() {
        return label();
    }
}
