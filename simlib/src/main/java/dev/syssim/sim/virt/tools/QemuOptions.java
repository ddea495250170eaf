package dev.syssim.sim.virt.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * qemu-system-x86_64's command line, the part the simulation acts on: the accelerator, machine,
 * CPU model, memory, vCPUs, disks ({@code -drive}, {@code -hda}, libvirt's {@code -blockdev} with
 * {@code -device}), network cards ({@code -nic}, {@code -netdev} with {@code -device}), the display
 * and serial console, {@code -daemonize}. Options it does not act on but QEMU accepts (libvirt
 * passes many) are accepted and ignored; anything else is QEMU's {@code -foo: invalid option}.
 */
final class QemuOptions {

    /** A disk: image file, format, interface ({@code ide}, {@code virtio}, {@code sata}), the option as typed (for messages). */
    record Drive(String file, String format, String bus, String id, String option) {
    }

    /** A network card: model ({@code e1000}, {@code virtio-net-pci}), the bridge, a tap fd passed by libvirt, MAC. */
    record Nic(String model, String bridge, int tapFd, String mac) {
    }

    /** Options with an argument, as QEMU's qemu-options.def declares them (the ones the course may meet). */
    private static final Set<String> WITH_ARGUMENT = Set.of("accel", "machine", "M", "cpu", "m", "smp", "name", "uuid", "drive",
            "hda", "hdb", "cdrom", "blockdev", "device", "nic", "netdev", "net", "display", "vga", "serial", "chardev", "mon",
            "monitor", "rtc", "boot", "sandbox", "msg", "overcommit", "audiodev", "object", "global", "pidfile", "k", "kernel",
            "append", "initrd", "bios", "qmp", "vnc", "smbios", "numa", "incoming", "D", "d", "trace", "L", "run-with",
            "action", "compat", "fw_cfg", "usbdevice", "parallel", "debugcon");

    private static final Set<String> FLAGS = Set.of("enable-kvm", "nographic", "daemonize", "S", "nodefaults", "no-user-config",
            "no-reboot", "no-shutdown", "no-acpi", "no-hpet", "snapshot", "s", "full-screen", "no-quit", "enable-fips", "version", "help", "h");

    String error;
    boolean kvm;
    boolean tcg;
    String machine = "pc";
    String cpu = "qemu64";
    long memoryBytes = 128L << 20;
    int vcpus = 1;
    String name;
    String uuid;
    boolean nographic;
    boolean displayNone;
    boolean daemonize;
    boolean nodefaults;
    boolean version;
    boolean help;
    String serial;
    final List<Drive> drives = new ArrayList<>();
    final List<Nic> nics = new ArrayList<>();
    /** -blockdev's format nodes by node-name: their file. */
    private final Map<String, String[]> blockdevs = new LinkedHashMap<>();
    private final Map<String, String[]> netdevs = new LinkedHashMap<>();
    private int driveIndex;

    static QemuOptions parse(List<String> args) {
        QemuOptions o = new QemuOptions();
        for (int i = 0; i < args.size() && o.error == null; i++) {
            String word = args.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                // a bare word is an image for the first disk (hda)
                o.addDrive("file=" + word + ",if=ide", word);
                continue;
            }
            String name = word.startsWith("--") ? word.substring(2) : word.substring(1);
            if (FLAGS.contains(name)) {
                o.flag(name);
                continue;
            }
            if (!WITH_ARGUMENT.contains(name)) {
                o.error = word + ": invalid option";
                break;
            }
            if (i + 1 >= args.size()) {
                o.error = word + ": requires an argument";
                break;
            }
            o.option(name, args.get(++i));
        }
        o.resolveDevices();
        return o;
    }

    private void flag(String name) {
        switch (name) {
            case "enable-kvm" -> kvm = true;
            case "nographic" -> nographic = true;
            case "daemonize" -> daemonize = true;
            case "nodefaults" -> nodefaults = true;
            case "version" -> version = true;
            case "help", "h" -> help = true;
            default -> { }
        }
    }

    private void option(String name, String value) {
        switch (name) {
            case "accel" -> accel(value);
            case "machine", "M" -> {
                Map<String, String> kv = keyValues(value, "type");
                if (kv.containsKey("type")) machine = kv.get("type");
                if (kv.containsKey("accel")) accel(kv.get("accel"));
            }
            case "cpu" -> cpu = value;
            case "m" -> {
                Map<String, String> kv = keyValues(value, "size");
                long size = size(kv.getOrDefault("size", value), 'M');
                if (size <= 0) error = "Invalid RAM size '" + value + "'"; else memoryBytes = size;
            }
            case "smp" -> {
                Map<String, String> kv = keyValues(value, "cpus");
                try {
                    vcpus = Integer.parseInt(kv.getOrDefault("cpus", "1"));
                } catch (NumberFormatException e) {
                    error = "Parameter 'cpus' expects a number";
                }
            }
            case "name" -> this.name = keyValues(value, "guest").getOrDefault("guest", value);
            case "uuid" -> uuid = value;
            case "drive" -> addDrive(value, "-drive " + value);
            case "hda" -> addDrive("file=" + value + ",if=ide", "-hda " + value);
            case "blockdev" -> blockdev(value);
            case "device" -> device(value);
            case "nic" -> nic(value);
            case "netdev" -> {
                Map<String, String> kv = json(value) ? Json.object(value) : keyValues(value, "type");
                if (kv.containsKey("id")) netdevs.put(kv.get("id"), new String[] {kv.getOrDefault("type", ""), kv.getOrDefault("fd", ""), kv.getOrDefault("br", "")});
            }
            case "display" -> displayNone = value.equals("none") || value.startsWith("none,");
            case "serial" -> serial = value;
            default -> { }
        }
    }

    private void accel(String value) {
        String a = value.split(",")[0];
        if (a.equals("kvm")) kvm = true;
        else if (a.equals("tcg")) tcg = true;
        else error = "invalid accelerator " + a;
    }

    private void addDrive(String value, String option) {
        Map<String, String> kv = keyValues(value, "file");
        String file = kv.get("file");
        if (file == null) {
            error = option + ": Must specify either driver or file";
            return;
        }
        String bus = kv.getOrDefault("if", "ide");
        drives.add(new Drive(file, kv.get("format"), bus, kv.getOrDefault("id", "drive" + driveIndex++), option));
    }

    /** libvirt's -blockdev: a file node, then a format node naming it. */
    private void blockdev(String value) {
        Map<String, String> kv = Json.object(value);
        String node = kv.get("node-name");
        if (node == null) return;
        if ("file".equals(kv.get("driver"))) {
            blockdevs.put(node, new String[] {kv.get("filename"), "raw"});
        } else if (kv.containsKey("file")) {
            String[] file = blockdevs.get(kv.get("file"));
            if (file != null) blockdevs.put(node, new String[] {file[0], kv.get("driver")});
        }
    }

    private final List<Map<String, String>> devices = new ArrayList<>();

    private void device(String value) {
        Map<String, String> kv = json(value) ? Json.object(value) : keyValues(value, "driver");
        devices.add(kv);
    }

    private void nic(String value) {
        Map<String, String> kv = keyValues(value, "type");
        String type = kv.getOrDefault("type", "user");
        if (type.equals("none")) return;
        nics.add(new Nic(kv.getOrDefault("model", "e1000"), kv.getOrDefault("br", type.equals("bridge") ? "virbr0" : null), -1, kv.get("mac")));
    }

    /** -device entries that attach a disk or a NIC defined by -blockdev or -netdev. */
    private void resolveDevices() {
        for (Map<String, String> d : devices) {
            String driver = d.getOrDefault("driver", "");
            if (d.containsKey("drive") && blockdevs.containsKey(d.get("drive"))) {
                String[] file = blockdevs.get(d.get("drive"));
                String bus = driver.startsWith("virtio-blk") ? "virtio" : d.getOrDefault("bus", "").startsWith("sata") ? "sata" : "ide";
                drives.add(new Drive(file[0], file[1], bus, d.get("drive"), "-blockdev"));
            } else if (d.containsKey("netdev") && netdevs.containsKey(d.get("netdev"))) {
                String[] net = netdevs.get(d.get("netdev"));
                int fd = net[1].isEmpty() ? -1 : Integer.parseInt(net[1]);
                nics.add(new Nic(driver, net[2].isEmpty() ? null : net[2], fd, d.get("mac")));
            }
        }
    }

    private static boolean json(String value) {
        return value.startsWith("{");
    }

    /** QEMU's {@code key=value,key=value}; a first word without {@code =} is the implied key's value. */
    static Map<String, String> keyValues(String text, String implied) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] parts = text.split(",");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            if (eq < 0) {
                if (i == 0) out.put(implied, p);
                else out.put(p, "on");
            } else {
                out.put(p.substring(0, eq), p.substring(eq + 1));
            }
        }
        return out;
    }

    /** A size with QEMU's suffixes (k, M, G, T; {@code defaultUnit} without one); -1 if malformed. */
    static long size(String text, char defaultUnit) {
        if (text.isEmpty()) return -1;
        char last = text.charAt(text.length() - 1);
        String digits = Character.isDigit(last) ? text : text.substring(0, text.length() - 1);
        char unit = Character.isDigit(last) ? defaultUnit : Character.toUpperCase(last);
        long shift = switch (unit) {
            case 'B' -> 0;
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            case 'T' -> 40;
            case 'P' -> 50;
            case 'E' -> 60;
            default -> -1;
        };
        if (shift < 0) return -1;
        try {
            double v = Double.parseDouble(digits);
            if (v < 0) return -1;
            return (long) (v * (1L << shift));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
