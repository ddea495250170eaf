package dev.syssim.sim.os;

/**
 * getgroups(2): the caller's supplementary group ids (what {@code id} and {@code groups} print).
 * The result's value is their number, its data the ids.
 */
public record Getgroups() implements Syscall {

    @Override
    public String name() {
        return "getgroups";
    }

    @Override
    public Outcome enter(Kernel k, Process p) {
        int[] groups = p.credentials().groups().clone();
        UserNamespace ns = p.namespaces().user();
        for (int i = 0; i < groups.length; i++) groups[i] = ns.gidInside(groups[i]); // unmapped: 65534
        java.util.Arrays.sort(groups); // Linux keeps the list sorted (groups_sort at setgroups)
        return Outcome.done(SysResult.ok(groups.length, groups), Costs.SYSCALL / 3);
    }

    @Override
    public String straceArgs(SysResult r) {
        if (r == null || r.failed() || !(r.data() instanceof int[] g)) return "65536, 0x55d0c6b2f2a0";
        StringBuilder b = new StringBuilder("65536, [");
        for (int i = 0; i < g.length; i++) b.append(i > 0 ? ", " : "").append(g[i]);
        return b.append("]").toString();
    }

    public static int[] groups(SysResult r) {
        return r.data() instanceof int[] g ? g : new int[0];
    }
}
