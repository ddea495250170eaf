package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.link.Nic;
import dev.syssim.sim.net.socket.Netlink;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * {@code ethtool -i DEV} from ethtool 6.1: the driver behind an interface (a guest's {@code e1000}
 * or {@code virtio_net}, a {@code bridge}, {@code veth}, {@code tun}), its version and bus address.
 * Only {@code -i} and {@code --version}; a failed request exits 71, as ethtool does.
 */
public final class Ethtool extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.size() == 1 && args.get(0).equals("--version")) {
            c.println("ethtool version 6.1");
            return c.exit(0);
        }
        if (args.size() != 2 || !(args.get(0).equals("-i") || args.get(0).equals("--driver"))) {
            c.eprint("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
            return c.exit(1);
        }
        return Ip.ask(c, new Netlink.DriverInfo(args.get(1)), answer -> {
            if (answer instanceof Netlink.Failure f) {
                c.eprint("Cannot get driver information: " + f.errno().message() + "\n");
                return c.exit(71);
            }
            Nic.DriverInfo d = (Nic.DriverInfo) answer;
            c.print("driver: " + d.driver() + "\nversion: " + d.version() + "\nfirmware-version: " + d.firmware()
                    + "\nexpansion-rom-version: \nbus-info: " + d.busInfo() + "\nsupports-statistics: " + yes(d.statistics())
                    + "\nsupports-test: " + yes(d.test()) + "\nsupports-eeprom-access: " + yes(d.eeprom())
                    + "\nsupports-register-dump: " + yes(d.registerDump()) + "\nsupports-priv-flags: no\n");
            return c.exit(0);
        });
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }

    @Override
    public int section() {
        return 8;
    }

    @Override
    public String source() {
        return "ethtool 6.1";
    }

    @Override
    public String manual() {
        return "ethtool -i DEV\n  Show the driver of a network interface: its name, version, firmware and bus address.";
    }
}
