package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.os.Utsname;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.List;
import java.util.Map;

/** The one-screen busybox applets: each does one syscall or two and prints busybox's words. */
final class SmallApplets {

    private SmallApplets() {
    }

    /**
     * chroot NEWROOT [PROG ARGS]: chroot(2), chdir("/"), then execvp PROG (without one, {@code $SHELL -i},
     * or {@code /bin/sh -i}). Busybox's words and statuses: 1 when chroot fails, 127 when PROG is not
     * found, 126 when it cannot run. Simplification: busybox falls back to the user's login shell from
     * the password file when SHELL is unset; here it is /bin/sh.
     */
    static final class Chroot extends Tool {
        @Override
        protected Step run(Libc c) {
            List<String> args = c.args().operands();
            if (args.isEmpty()) {
                c.eprint(Busybox.VERSION + " multi-call binary.\n\nUsage: chroot NEWROOT [PROG ARGS]\n\nRun PROG with root directory set to NEWROOT\n");
                return c.exitQuietly(1);
            }
            String newRoot = args.get(0);
            List<String> command = new java.util.ArrayList<>(args.subList(1, args.size()));
            if (command.isEmpty()) {
                String shell = c.env("SHELL");
                command.add(shell == null || shell.isEmpty() ? "/bin/sh" : shell);
                command.add("-i");
            }
            return c.sys(new Syscall.Chroot(newRoot), r -> {
                if (r.failed()) {
                    c.eprint("chroot: can't change root directory to '" + newRoot + "': " + r.errno().message() + "\n");
                    return c.exitQuietly(1);
                }
                return c.sys(new Syscall.Chdir("/"), d -> {
                    if (d.failed()) {
                        c.eprint("chroot: can't change directory to '/': " + d.errno().message() + "\n");
                        return c.exitQuietly(1);
                    }
                    return c.execvp(command, c.args().env(), e -> {
                        c.eprint("chroot: can't execute '" + command.get(0) + "': " + e.message() + "\n");
                        return c.exitQuietly(e == dev.syssim.sim.os.Errno.ENOENT ? 127 : 126);
                    });
                });
            });
        }

        @Override
        public String manual() {
            return "chroot NEWROOT [PROG ARGS]\n  Run PROG with root directory set to NEWROOT";
        }
    }

    /** true and false. */
    static final class Status extends Tool {
        private final int status;

        Status(int status) {
            this.status = status;
        }

        @Override
        protected Step run(Libc c) {
            return c.exitQuietly(status);
        }

        @Override
        public String manual() {
            return (status == 0 ? "true" : "false") + "\n  Return an exit code of " + (status == 0 ? "TRUE (0)" : "FALSE (1)");
        }
    }

    /** echo [-neE] ARG...: the arguments, with escapes only under -e. */
    static final class Echo extends Tool {
        @Override
        protected Step run(Libc c) {
            List<String> args = c.args().operands();
            boolean newline = true;
            boolean escapes = false;
            int i = 0;
            while (i < args.size() && args.get(i).matches("-[neE]+")) {
                for (char ch : args.get(i).substring(1).toCharArray()) {
                    if (ch == 'n') newline = false;
                    else if (ch == 'e') escapes = true;
                    else escapes = false;
                }
                i++;
            }
            String text = String.join(" ", args.subList(i, args.size()));
            if (escapes) text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
            c.print(newline ? text + "\n" : text);
            return c.exitQuietly(0);
        }

        @Override
        public String manual() {
            return "echo [-neE] [ARG]...\n  Print the specified ARGs to stdout";
        }
    }

    /** env: the environment, one NAME=VALUE a line, in the order it came. */
    static final class Env extends Tool {
        @Override
        protected Step run(Libc c) {
            if (!c.args().operands().isEmpty()) {
                return c.execvp(c.args().operands(), c.args().env(), e -> {
                    c.eprint("env: can't execute '" + c.args().operands().get(0) + "': " + e.message() + "\n");
                    return c.exitQuietly(e == dev.syssim.sim.os.Errno.ENOENT ? 127 : 126);
                });
            }
            for (Map.Entry<String, String> e : c.args().env().entrySet()) c.println(e.getKey() + "=" + e.getValue());
            return c.exitQuietly(0);
        }

        @Override
        public String manual() {
            return "env [-i] [NAME=VALUE]... [PROG ARGS]\n  Print current environment or run PROG after setting up environment";
        }
    }

    /** hostname [NAME]: uname's nodename, or sethostname. */
    static final class Hostname extends Tool {
        @Override
        protected Step run(Libc c) {
            List<String> args = c.args().operands();
            if (!args.isEmpty()) {
                String name = args.get(0);
                return c.sys(new Syscall.Sethostname(name), r -> {
                    if (r.failed()) {
                        c.eprint("hostname: sethostname: " + r.errno().message() + "\n");
                        return c.exitQuietly(1);
                    }
                    return c.exitQuietly(0);
                });
            }
            return c.sys(new Syscall.Uname(), r -> {
                c.println(((Utsname) r.data()).nodename());
                return c.exitQuietly(0);
            });
        }

        @Override
        public String manual() {
            return "hostname [-sidf] [HOSTNAME]\n  Show or set hostname";
        }
    }

    /** pwd: getcwd. */
    static final class Pwd extends Tool {
        @Override
        protected Step run(Libc c) {
            return c.getcwd((e, cwd) -> {
                if (e != null) {
                    c.eprint("pwd: getcwd: " + e.message() + "\n");
                    return c.exitQuietly(1);
                }
                c.println(cwd);
                return c.exitQuietly(0);
            });
        }

        @Override
        public String manual() {
            return "pwd\n  Print the full filename of the current working directory";
        }
    }

    /** mkdir [-p] DIR...: {@code mkdir: can't create directory 'X': ERROR}. */
    static final class Mkdir extends Tool {
        @Override
        protected Step run(Libc c) {
            boolean parents = c.args().operands().contains("-p");
            List<String> dirs = c.args().operands().stream().filter(a -> !a.equals("-p")).toList();
            int[] status = {0};
            return Libc.forEach(dirs, (d, next) -> c.sys(new Syscall.Mkdir(d, 0777), r -> {
                if (r.failed() && !(parents && r.errno() == dev.syssim.sim.os.Errno.EEXIST)) {
                    c.eprint("mkdir: can't create directory '" + d + "': " + r.errno().message() + "\n");
                    status[0] = 1;
                }
                return next.get();
            }), () -> c.exitQuietly(status[0]));
        }

        @Override
        public String manual() {
            return "mkdir [-p] DIRECTORY...\n  Create DIRECTORY";
        }
    }

    /** rm [-f] FILE...: {@code rm: can't remove 'X': ERROR}. */
    static final class Rm extends Tool {
        @Override
        protected Step run(Libc c) {
            boolean force = c.args().operands().contains("-f");
            List<String> files = c.args().operands().stream().filter(a -> !a.startsWith("-")).toList();
            int[] status = {0};
            return Libc.forEach(files, (f, next) -> c.sys(Syscall.Unlinkat.unlink(f), r -> {
                if (r.failed() && !(force && r.errno() == dev.syssim.sim.os.Errno.ENOENT)) {
                    c.eprint("rm: can't remove '" + f + "': " + r.errno().message() + "\n");
                    status[0] = 1;
                }
                return next.get();
            }), () -> c.exitQuietly(status[0]));
        }

        @Override
        public String manual() {
            return "rm [-f] FILE...\n  Remove (unlink) FILEs";
        }
    }

    /** mknod NAME TYPE MAJOR MINOR: a device node (CAP_MKNOD; the device cgroup may refuse it). */
    static final class Mknod extends Tool {
        @Override
        protected Step run(Libc c) {
            List<String> a = c.args().operands();
            if (a.size() < 2 || (!a.get(1).equals("p") && a.size() < 4)) {
                c.eprint(Busybox.VERSION + " multi-call binary.\n\nUsage: mknod [-m MODE] NAME TYPE [MAJOR MINOR]\n\n"
                        + "Create a special file (block, character, or pipe)\n\n\t-m MODE\tCreation mode (default a=rw)\nTYPE:\n"
                        + "\tb\tBlock device\n\tc or u\tCharacter device\n\tp\tNamed pipe (MAJOR MINOR must be omitted)\n");
                return c.exitQuietly(1);
            }
            int type = switch (a.get(1)) {
                case "b" -> 0060000;
                case "c", "u" -> 0020000;
                default -> 0010000;
            };
            int major = a.size() > 3 ? Integer.parseInt(a.get(2)) : 0;
            int minor = a.size() > 3 ? Integer.parseInt(a.get(3)) : 0;
            return c.sys(new Syscall.Mknod(a.get(0), type | 0666, major, minor), r -> {
                if (r.failed()) {
                    c.eprint("mknod: " + a.get(0) + ": " + r.errno().message() + "\n");
                    return c.exitQuietly(1);
                }
                return c.exitQuietly(0);
            });
        }

        @Override
        public String manual() {
            return "mknod [-m MODE] NAME TYPE [MAJOR MINOR]\n  Create a special file (block, character, or pipe)";
        }
    }

    /** sleep N: clock_nanosleep. */
    static final class Sleep extends Tool {
        @Override
        protected Step run(Libc c) {
            double seconds = 0;
            try {
                seconds = c.args().operands().isEmpty() ? 0 : Double.parseDouble(c.args().operands().get(0));
            } catch (NumberFormatException e) {
                c.eprint("sleep: invalid number '" + c.args().operands().get(0) + "'\n");
                return c.exitQuietly(1);
            }
            return c.sleep((long) (seconds * 1e9), e -> c.exitQuietly(0));
        }

        @Override
        public String manual() {
            return "sleep [N]...\n  Pause for a time equal to the total of the args given";
        }
    }

    /** uname [-a -s -n -r -m]. */
    static final class Uname extends Tool {
        private static final String USAGE = " multi-call binary.\n\nUsage: uname [-amnrspvio]\n\nPrint system information\n\n"
                + "\t-a\tPrint all\n\t-m\tMachine (hardware) type\n\t-n\tHostname\n\t-r\tKernel release\n"
                + "\t-s\tKernel name (default)\n\t-p\tProcessor type\n\t-v\tKernel version\n\t-i\tHardware platform\n\t-o\tOS name\n";

        /** The fields in the order busybox prints them, whatever order the options came in. */
        private static final String ORDER = "snrvmpio";

        @Override
        protected Step run(Libc c) {
            StringBuilder asked = new StringBuilder();
            List<String> args = c.args().operands();
            int i = 0;
            for (; i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1; i++) {
                if (args.get(i).equals("--")) {
                    i++;
                    break;
                }
                for (char ch : args.get(i).substring(1).toCharArray()) {
                    if (("a" + ORDER).indexOf(ch) < 0) {
                        c.eprint("uname: invalid option -- '" + ch + "'\n" + Busybox.VERSION + USAGE);
                        return c.exit(1);
                    }
                    asked.append(ch);
                }
            }
            if (i < args.size()) {
                c.eprint(Busybox.VERSION + USAGE);
                return c.exit(1);
            }
            boolean all = asked.indexOf("a") >= 0;
            String opts = asked.length() == 0 ? "s" : asked.toString();
            return c.sys(new Syscall.Uname(), r -> {
                Utsname u = (Utsname) r.data();
                List<String> fields = new java.util.ArrayList<>();
                for (char f : ORDER.toCharArray()) {
                    // -a leaves out the processor and platform, which busybox only knows as "unknown"
                    boolean wanted = opts.indexOf(f) >= 0 || (all && f != 'p' && f != 'i');
                    if (!wanted) continue;
                    fields.add(switch (f) {
                        case 's' -> u.sysname();
                        case 'n' -> u.nodename();
                        case 'r' -> u.release();
                        case 'v' -> u.version();
                        case 'm' -> u.machine();
                        case 'o' -> "GNU/Linux"; // Debian's glibc build; musl builds (Alpine's) say "Linux"
                        default -> "unknown";
                    });
                }
                c.println(String.join(" ", fields));
                return c.exitQuietly(0);
            });
        }

        @Override
        public String manual() {
            return "uname [-amnrspvio]\n  Print system information";
        }
    }
}
