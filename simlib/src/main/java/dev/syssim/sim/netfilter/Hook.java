package dev.syssim.sim.netfilter;

/**
 * The netfilter hooks the filter table attaches to, each with the built-in chain of the same name:
 * INPUT for packets to this machine, FORWARD for packets it routes on, OUTPUT for packets it sends.
 */
public enum Hook {
    INPUT,
    FORWARD,
    OUTPUT;

    /** The name of the built-in chain at this hook. */
    public String chainName() {
        return name();
    }
}
