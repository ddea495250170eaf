package dev.syssim.sim.prog.net;

import dev.syssim.sim.prog.Binaries;
import dev.syssim.sim.prog.tools.Executable;
import java.util.List;

/**
 * The network room's programs on every Debian machine: the clients (nc, curl, ping, nmap, ssh),
 * the administration tools (ip, ss, iptables and friends, conntrack, systemctl) and the services
 * (sshd, apache2, postfix's master, cupsd) — where each is installed and which program it runs.
 */
public final class NetworkTools {

    private static final String LIBC = "libc.so.6";

    public static final List<Executable> BINARIES = List.of(
            exe("/usr/bin/nc", "nc", 1_200, LIBC),
            exe("/usr/sbin/apache2", "apache2", 6_400, LIBC),
            exe("/usr/sbin/cupsd", "cupsd", 5_800, LIBC),
            exe("/usr/lib/postfix/sbin/master", "postfix-master", 3_100, LIBC),
            exe("/usr/sbin/iptables", "iptables", 1_700, LIBC),
            exe("/usr/sbin/iptables-save", "iptables-save", 1_700, LIBC),
            exe("/usr/sbin/iptables-restore", "iptables-restore", 1_700, LIBC),
            exe("/usr/sbin/conntrack", "conntrack", 1_300, LIBC),
            exe("/usr/sbin/ipset", "ipset", 1_200, LIBC),
            exe("/usr/sbin/nft", "nft", 1_100, LIBC),
            exe("/usr/sbin/iptables-translate", "iptables-translate", 1_700, LIBC),
            exe("/usr/sbin/ufw", "ufw", 9_000, LIBC),
            exe("/usr/bin/ss", "ss", 1_900, "libselinux.so.1", LIBC),
            exe("/usr/bin/ip", "ip", 2_100, "libcap.so.2", LIBC),
            exe("/usr/sbin/bridge", "bridge", 1_500, "libcap.so.2", LIBC),
            exe("/usr/sbin/ethtool", "ethtool", 900, LIBC),
            exe("/usr/bin/ping", "ping", 1_400, "libcap.so.2", LIBC),
            exe("/usr/bin/curl", "curl", 3_000, "libz.so.1", LIBC),
            exe("/usr/bin/nmap", "nmap", 9_800, LIBC),
            exe("/usr/bin/ssh", "ssh", 4_300, "libz.so.1", LIBC),
            exe("/usr/sbin/sshd", "sshd", 4_900, "libpam.so.0", "libaudit.so.1", LIBC),
            exe("/usr/bin/systemctl", "systemctl", 1_600, "libsystemd.so.0", LIBC));

    private NetworkTools() {
    }

    private static Executable exe(String path, String program, int memoryKiB, String... libraries) {
        return new Executable(path, program, memoryKiB, 0755, List.of(libraries));
    }

    public static void register(Binaries binaries) {
        binaries.register("nc", new Nc())
                .register("apache2", new Apache2())
                .register("cupsd", new Cupsd())
                .register("postfix-master", new PostfixMaster())
                .register("iptables", new NetfilterTool("iptables"))
                .register("iptables-save", new NetfilterTool("iptables-save"))
                .register("iptables-restore", new NetfilterTool("iptables-restore"))
                .register("conntrack", new NetfilterTool("conntrack"))
                .register("ipset", new NetfilterTool("ipset"))
                .register("nft", new NetfilterTool("nft"))
                .register("iptables-translate", new NetfilterTool("iptables-translate"))
                .register("ufw", new UfwTool())
                .register("ss", new Ss())
                .register("ip", new Ip())
                .register("bridge", new BridgeTool())
                .register("ethtool", new Ethtool())
                .register("ping", new Ping())
                .register("curl", new Curl())
                .register("nmap", new Nmap())
                .register("ssh", new Ssh())
                .register("sshd", new Sshd())
                .register("systemctl", new Systemctl());
    }
}
