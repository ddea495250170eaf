package dev.syssim.sim.prog.tools.busybox;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * busybox ps: reads {@code /proc} like procps does, so it too shows the processes of the pid
 * namespace /proc was mounted from. The header {@code PID   USER     COMMAND}, then per process
 * {@code %5u %-8.8s COMMAND} — the command line, or {@code [comm]} for a kernel thread. Without a
 * /proc it prints the header, then {@code ps: can't open '/proc': ...} and exits 1.
 */
final class Ps extends Tool {

    @Override
    protected Step run(Libc c) {
        c.println("PID   USER     COMMAND");
        return c.listDirectory("/proc", false, (err, entries) -> {
            if (err != null) {
                c.eprint("ps: can't open '/proc': " + err.message() + "\n");
                return c.exitQuietly(1);
            }
            List<Integer> pids = new ArrayList<>();
            for (Dirent d : entries) if (d.name().matches("[0-9]+")) pids.add(Integer.parseInt(d.name()));
            pids.sort(null);
            return c.users(users -> Libc.forEach(pids, (pid, next) -> c.readFile("/proc/" + pid + "/status", (e1, status) ->
                    c.readFile("/proc/" + pid + "/cmdline", (e2, cmdline) -> {
                        if (status == null) return next.get();
                        int uid = 0;
                        String name = "";
                        for (String line : Libc.text(status).split("\n")) {
                            if (line.startsWith("Uid:")) uid = Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                            if (line.startsWith("Name:")) name = line.substring(5).strip();
                        }
                        String command = cmdline == null ? "" : Libc.text(cmdline).replace('\0', ' ').strip();
                        if (command.isEmpty()) command = "[" + name + "]";
                        String user = users.userName(uid);
                        c.print(String.format("%5d %-8.8s %s%n", pid, user, command));
                        return next.get();
                    })), () -> c.exitQuietly(0)));
        });
    }

    @Override
    public String manual() {
        return "ps\n  Show list of processes";
    }
}
