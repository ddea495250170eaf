package dev.syssim.sim.prog.tools.system;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * hostname (Debian's hostname 3.23): print the name of the machine (uname's nodename), or set it
 * with sethostname(2), which needs CAP_SYS_ADMIN in the UTS namespace. {@code -s} the short name,
 * {@code -f} the full one, {@code -d} the DNS domain (after the first dot), {@code -i} the addresses
 * /etc/hosts gives the name, {@code -y} the NIS domain (never set), {@code -V} the version. An
 * unknown option prints the usage on standard output and exits 255, as the real one does.
 */
public final class Hostname extends Tool {

    private static final String USAGE = "Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n"
            + "       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n"
            + "       hostname                                 display host name\n\n"
            + "       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n"
            + "       {yp,nis,}domainname                      display NIS domain name\n\n"
            + "       dnsdomainname                            display dns domain name\n\n"
            + "       hostname -V|--version|-h|--help          print info and exit\n\n"
            + "Program name:\n       {yp,nis,}domainname=hostname -y\n       dnsdomainname=hostname -d\n\n"
            + "Program options:\n"
            + "    -a, --alias            alias names\n"
            + "    -A, --all-fqdns        all long host names (FQDNs)\n"
            + "    -b, --boot             set default hostname if none available\n"
            + "    -d, --domain           DNS domain name\n"
            + "    -f, --fqdn, --long     long host name (FQDN)\n"
            + "    -F, --file             read host name or NIS domain name from given file\n"
            + "    -i, --ip-address       addresses for the host name\n"
            + "    -I, --all-ip-addresses all addresses for the host\n"
            + "    -s, --short            short host name\n"
            + "    -y, --yp, --nis        NIS/YP domain name\n\n"
            + "Description:\n"
            + "   This command can get or set the host name or the NIS domain name. You can\n"
            + "   also get the DNS domain or the FQDN (fully qualified domain name).\n"
            + "   Unless you are using bind or NIS for host lookups you can change the\n"
            + "   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n"
            + "   part of the FQDN) in the /etc/hosts file.\n";

    @Override
    protected Step run(Libc c) {
        char mode = 0;
        List<String> operands = new ArrayList<>();
        for (String a : c.args().operands()) {
            if (a.equals("--help") || a.equals("-h")) {
                c.print(USAGE);
                return c.exit(0);
            }
            if (a.equals("--version") || a.equals("-V")) {
                c.println("hostname 3.23");
                return c.exit(0);
            }
            if (!a.startsWith("-") || a.equals("-")) {
                operands.add(a);
                continue;
            }
            String longName = switch (a) {
                case "--short" -> "s";
                case "--fqdn", "--long" -> "f";
                case "--domain" -> "d";
                case "--ip-address" -> "i";
                case "--alias" -> "a";
                case "--yp", "--nis" -> "y";
                case "--boot" -> "b";
                default -> null;
            };
            String letters = longName != null ? longName : a.startsWith("--") ? null : a.substring(1);
            if (letters == null) return usage(c, "hostname: unrecognized option '" + a + "'");
            for (char ch : letters.toCharArray()) {
                if ("sfdiayb".indexOf(ch) < 0) return usage(c, "hostname: invalid option -- '" + ch + "'");
                if (ch != 'b') mode = ch;
            }
        }
        if (!operands.isEmpty()) return set(c, operands.get(0));
        char show = mode;
        return c.sys(new Syscall.Uname(), r -> {
            String name = r.dataAs(Utsname.class).nodename();
            switch (show) {
                case 's' -> c.println(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                case 'd' -> c.println(name.contains(".") ? name.substring(name.indexOf('.') + 1) : "");
                case 'y' -> {
                    c.error("Local domain name not set");
                    return c.exit(1);
                }
                case 'i', 'a' -> {
                    return hosts(c, name, show == 'i');
                }
                default -> c.println(name);
            }
            return c.exit(0);
        });
    }

    /** -i: the addresses /etc/hosts lists for the name; -a: its aliases there. */
    private static Step hosts(Libc c, String name, boolean addresses) {
        return c.readFile("/etc/hosts", (err, bytes) -> {
            List<String> found = new ArrayList<>();
            if (bytes != null) {
                for (String line : Libc.text(bytes).split("\n")) {
                    String[] f = line.replaceAll("#.*", "").strip().split("\\s+");
                    if (f.length < 2) continue;
                    boolean named = false;
                    for (int i = 1; i < f.length; i++) if (f[i].equals(name)) named = true;
                    if (!named) continue;
                    if (addresses) found.add(f[0]);
                    else for (int i = 1; i < f.length; i++) if (!f[i].equals(name)) found.add(f[i]);
                }
            }
            if (addresses && found.isEmpty()) {
                c.error("Name or service not known");
                return c.exit(1);
            }
            c.println(String.join(" ", found) + (addresses ? " " : ""));
            return c.exit(0);
        });
    }

    private static Step set(Libc c, String name) {
        return c.sys(new Syscall.Sethostname(name), r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EPERM) c.eprint("hostname: you must be root to change the host name\n");
                else c.eprint("hostname: " + r.errno().message() + "\n");
                return c.exit(1);
            }
            return c.exit(0);
        });
    }

    private static Step usage(Libc c, String message) {
        c.eprint(message + "\n");
        c.print(USAGE);
        return c.exit(255);
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public String whatis() {
        return "show or set the system's host name";
    }

    @Override
    public String manual() {
        return "hostname [-s|-f|-d|-i|-a|-y] [NAME]\n  Display the system's host name, or set it to NAME (root only: sethostname needs CAP_SYS_ADMIN).\n"
                + "  -s, --short       short host name (cut at the first dot)\n"
                + "  -f, --fqdn, --long  long host name\n"
                + "  -d, --domain      DNS domain name (after the first dot)\n"
                + "  -i, --ip-address  addresses for the host name (from /etc/hosts)\n"
                + "  -a, --alias       alias names (from /etc/hosts)\n"
                + "  -y, --yp, --nis   NIS/YP domain name";
    }
}
