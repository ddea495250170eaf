package dev.syssim.sim.os;

/** The names uname reports that a UTS namespace may change: the hostname and NIS domain name. */
public final class UtsNamespace {

    private String hostname;
    private String domainname = "(none)";

    public UtsNamespace(String hostname) {
        this.hostname = hostname;
    }

    public String hostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public String domainname() {
        return domainname;
    }

    /** A new namespace starts with the current names (unshare --uts), then changes alone. */
    public UtsNamespace copy() {
        UtsNamespace copy = new UtsNamespace(hostname);
        copy.domainname = domainname;
        return copy;
    }
}
