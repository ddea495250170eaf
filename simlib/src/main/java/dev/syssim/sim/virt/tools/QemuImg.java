package dev.syssim.sim.virt.tools;

import dev.syssim.sim.fs.Stat;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Truncate;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import dev.syssim.sim.virt.DiskImage;
import dev.syssim.sim.virt.KvmCalls;
import dev.syssim.sim.virt.Qcow2;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * qemu-img (QEMU 7.2's qemu-utils): {@code create} (qcow2 with its real metadata layout, or raw),
 * {@code info}, {@code check} and {@code snapshot} ({@code -c -l -a -d}: internal snapshots), with
 * qemu-img's output and messages as recorded on Debian 12 (testdata/oracle/virt).
 */
public final class QemuImg extends Tool {

    private static final String USAGE_HINT = "Try 'qemu-img --help' for more information\n";

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.isEmpty()) return error(c, "Not enough arguments\n" + USAGE_HINT);
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (command) {
            case "--version", "-V" -> {
                c.print("qemu-img version " + Qemu.VERSION + "\nCopyright (c) 2003-2022 Fabrice Bellard and the QEMU Project developers\n");
                yield c.exit(0);
            }
            case "--help", "-h" -> help(c);
            case "create" -> create(c, rest);
            case "info" -> info(c, rest);
            case "check" -> check(c, rest);
            case "snapshot" -> snapshot(c, rest);
            default -> error(c, "Command not found: " + command + "\n" + USAGE_HINT);
        };
    }

    private static Step error(Libc c, String message) {
        c.eprint("qemu-img: " + message + (message.endsWith("\n") ? "" : "\n"));
        return c.exit(1);
    }

    // ---- create ----

    private Step create(Libc c, List<String> args) {
        String format = "raw";
        String backing = null;
        String backingFormat = null;
        boolean quiet = false;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-f" -> format = i + 1 < args.size() ? args.get(++i) : null;
                case "-b" -> backing = i + 1 < args.size() ? args.get(++i) : null;
                case "-F" -> backingFormat = i + 1 < args.size() ? args.get(++i) : null;
                case "-q" -> quiet = true;
                case "-o" -> i++;
                default -> operands.add(a);
            }
        }
        if (format == null) return error(c, "option requires an argument -- 'f'\n" + USAGE_HINT);
        if (operands.isEmpty()) return error(c, "Expecting image file name\n" + USAGE_HINT);
        String file = operands.get(0);
        DiskImage.Format fmt = DiskImage.Format.named(format);
        if (fmt == null) return error(c, file + ": Unknown file format '" + format + "'");
        long size = -1;
        if (operands.size() > 1) {
            size = QemuOptions.size(operands.get(1), 'B');
            if (size < 0) {
                return error(c, "Invalid image size specified. You may use k, M, G, T, P or E suffixes for\n"
                        + "qemu-img: kilobytes, megabytes, gigabytes, terabytes, petabytes and exabytes.");
            }
        }
        if (backing != null && fmt == DiskImage.Format.QCOW2) {
            String bf = backingFormat;
            long wanted = size;
            boolean q = quiet;
            String backingPath = backing;
            String opened = resolve(file, backing);
            return c.open(opened, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, r -> {
                if (r.failed()) {
                    return error(c, file + ": Could not open '" + opened + "': " + r.errno().message() + "\nCould not open backing image.");
                }
                int fd = r.intValue();
                return c.sys(new KvmCalls.ImageOf(fd), img -> c.close(fd, () -> {
                    DiskImage base = img.dataAs(DiskImage.class);
                    if (bf == null) {
                        // qemu-img 7.2 prints the hint without a final newline (recorded)
                        c.eprint("qemu-img: " + file + ": Backing file specified without backing format\nDetected format of " + base.format().word() + ".");
                        return c.exit(1);
                    }
                    long s = wanted < 0 ? base.virtualSize() : wanted;
                    return write(c, file, fmt, s, backingPath, bf, q);
                }));
            });
        }
        if (size < 0) return error(c, file + ": Image creation needs a size parameter");
        return write(c, file, fmt, size, null, null, quiet);
    }

    private Step write(Libc c, String file, DiskImage.Format fmt, long size, String backing, String backingFormat, boolean quiet) {
        if (!quiet) {
            if (fmt == DiskImage.Format.QCOW2) {
                c.print("Formatting '" + file + "', fmt=qcow2 cluster_size=65536 extended_l2=off compression_type=zlib size=" + size
                        + (backing == null ? "" : " backing_file=" + backing + " backing_fmt=" + backingFormat)
                        + " lazy_refcounts=off refcount_bits=16\n");
            } else {
                c.print("Formatting '" + file + "', fmt=raw size=" + size + "\n");
            }
        }
        return c.create(file, OpenFlags.O_RDWR | OpenFlags.O_TRUNC | OpenFlags.O_CLOEXEC, 0644, r -> {
            if (r.failed()) return error(c, file + ": Could not create '" + file + "': " + r.errno().message());
            int fd = r.intValue();
            if (fmt == DiskImage.Format.QCOW2) {
                byte[] image = Qcow2.freshImage(size, backing, backingFormat);
                return c.write(fd, image, w -> c.close(fd, () -> c.exit(0)));
            }
            // file-posix allocates the first block of a new raw image, then makes it as long as the disk
            return c.write(fd, new byte[4096], w -> c.sys(Truncate.fd(fd, size), t -> c.close(fd, () -> c.exit(0))));
        });
    }

    /** A backing file name is relative to the new image's directory. */
    private static String resolve(String image, String backing) {
        if (backing.startsWith("/")) return backing;
        int slash = image.lastIndexOf('/');
        return slash < 0 ? backing : image.substring(0, slash + 1) + backing;
    }

    // ---- info, check ----

    private Step withImage(Libc c, List<String> args, Function<Opened, Step> then) {
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-f") || a.equals("--output")) i++;
            else if (!a.startsWith("-")) operands.add(a);
        }
        if (operands.size() != 1) return error(c, "Expecting one image file name\n" + USAGE_HINT);
        String file = operands.get(0);
        return c.open(file, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, r -> {
            if (r.failed()) return error(c, "Could not open '" + file + "': Could not open '" + file + "': " + r.errno().message());
            int fd = r.intValue();
            return c.sys(Syscall.NewFstatAt.fstat(fd), st -> c.sys(new KvmCalls.ImageOf(fd), img ->
                    c.close(fd, () -> then.apply(new Opened(file, img.dataAs(DiskImage.class), st.dataAs(Stat.class))))));
        });
    }

    private record Opened(String name, DiskImage image, Stat stat) {
    }

    private Step info(Libc c, List<String> args) {
        return withImage(c, args, o -> {
            DiskImage img = o.image();
            StringBuilder out = new StringBuilder();
            out.append("image: ").append(o.name()).append('\n');
            out.append("file format: ").append(img.format().word()).append('\n');
            out.append("virtual size: ").append(sizeToString(img.virtualSize())).append(" (").append(img.virtualSize()).append(" bytes)\n");
            out.append("disk size: ").append(sizeToString(o.stat().blocks() * 512)).append('\n');
            if (img.format() == DiskImage.Format.QCOW2) {
                out.append("cluster_size: 65536\n");
                if (img.backingPath() != null) {
                    out.append("backing file: ").append(img.backingPath()).append('\n');
                    if (img.backingFormat() != null) out.append("backing file format: ").append(img.backingFormat()).append('\n');
                }
                if (!img.snapshots().isEmpty()) out.append(snapshotTable(img));
                out.append("Format specific information:\n    compat: 1.1\n    compression type: zlib\n    lazy refcounts: false\n"
                        + "    refcount bits: 16\n    corrupt: false\n    extended l2: false\n");
            }
            c.print(out.toString());
            return c.exit(0);
        });
    }

    private Step check(Libc c, List<String> args) {
        return withImage(c, args, o -> {
            if (o.image().format() != DiskImage.Format.QCOW2) {
                c.eprint("qemu-img: This image format does not support checks\n");
                return c.exit(63);
            }
            long end = (o.stat().size() + Qcow2.CLUSTER - 1) / Qcow2.CLUSTER * Qcow2.CLUSTER;
            c.print("No errors were found on the image.\nImage end offset: " + end + "\n");
            return c.exit(0);
        });
    }

    // ---- snapshot ----

    private Step snapshot(Libc c, List<String> args) {
        String action = null;
        String name = null;
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-c") || a.equals("-a") || a.equals("-d")) && i + 1 < args.size()) {
                action = a;
                name = args.get(++i);
            } else if (a.equals("-l")) {
                action = "-l";
            } else {
                operands.add(a);
            }
        }
        String act = action == null ? "-l" : action;
        String tag = name;
        return withImage(c, operands, o -> {
            DiskImage img = o.image();
            long now = c.args().realtimeNanos();
            switch (act) {
                case "-c" -> {
                    if (img.takeSnapshot(tag, now) == null) return error(c, "Could not create snapshot '" + tag + "': Failed to create snapshot '" + tag + "' on device '" + o.name() + "': File exists");
                    return c.exit(0);
                }
                case "-a" -> {
                    if (!img.revertTo(tag)) return error(c, "Could not apply snapshot '" + tag + "': Failed to load snapshot: No such file or directory");
                    return c.exit(0);
                }
                case "-d" -> {
                    if (!img.deleteSnapshot(tag)) return error(c, "Could not delete snapshot '" + tag + "': Can't find the snapshot: No such file or directory");
                    return c.exit(0);
                }
                default -> {
                    if (!img.snapshots().isEmpty()) c.print(snapshotTable(img));
                    return c.exit(0);
                }
            }
        });
    }

    private static String snapshotTable(DiskImage img) {
        StringBuilder out = new StringBuilder("Snapshot list:\nID        TAG               VM SIZE                DATE     VM CLOCK     ICOUNT\n");
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
        for (DiskImage.Snapshot s : img.snapshots().values()) {
            out.append(String.format(Locale.ROOT, "%-9d %-17s %7s %19s %12s %10d%n", s.id(), s.name(), "0 B",
                    date.format(Instant.ofEpochSecond(s.time() / 1_000_000_000L)), "00:00:00.000", 0));
        }
        return out.toString();
    }

    /** QEMU's size_to_str: a value in B, KiB, MiB, ... with three significant digits (printf's %0.3g). */
    static String sizeToString(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int u = 0;
        while (value >= 1024 && u < units.length - 1) {
            value /= 1024;
            u++;
        }
        return threeDigits(value) + " " + units[u];
    }

    private static String threeDigits(double v) {
        if (v == 0) return "0";
        int digits = v >= 100 ? 0 : v >= 10 ? 1 : 2;
        String s = new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString();
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    @Override
    public String manual() {
        return "qemu-img command [command options]\n"
                + "  QEMU disk image utility: create, inspect and snapshot the files guests use as disks.\n"
                + "  create [-f fmt] [-b backing_file -F backing_fmt] [-q] filename [size]   (size with k, M, G, T suffixes)\n"
                + "  info filename   check filename   snapshot [-l | -c tag | -a tag | -d tag] filename   --version";
    }

    @Override
    public String source() {
        return "QEMU 7.2";
    }
}
