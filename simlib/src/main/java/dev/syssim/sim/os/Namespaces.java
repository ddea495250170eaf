package dev.syssim.sim.os;

/**
 * The namespaces of a process beyond those {@link Process} keeps itself (its pid namespace, its
 * mounts and its UTS names): Linux's {@code nsproxy} plus the user namespace from its credentials.
 * {@code pidForChildren} is where the process's next children are numbered: after
 * {@code unshare(CLONE_NEWPID)} the caller stays where it is and only its children move.
 * Immutable: fork shares it, unshare and setns replace it.
 */
public record Namespaces(PidNamespace pidForChildren, NetworkNamespace net, IpcNamespace ipc, UserNamespace user) {

    public Namespaces withPidForChildren(PidNamespace ns) {
        return new Namespaces(ns, net, ipc, user);
    }

    public Namespaces withNet(NetworkNamespace ns) {
        return new Namespaces(pidForChildren, ns, ipc, user);
    }

    public Namespaces withIpc(IpcNamespace ns) {
        return new Namespaces(pidForChildren, net, ns, user);
    }

    public Namespaces withUser(UserNamespace ns) {
        return new Namespaces(pidForChildren, net, ipc, ns);
    }
}
