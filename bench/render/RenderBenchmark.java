import com.google.gson.Gson;
import dev.syssim.kernel.display.DisplayBundle;
import dev.syssim.kernel.display.TraceBundle;
import dev.syssim.kernel.display.TraceDisplayOptions;
import dev.syssim.sim.trace.CpuMode;
import dev.syssim.sim.trace.EventKind;
import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.Trace;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.HtmlRenderer;
import dev.syssim.sim.trace.render.JsonRenderer;
import dev.syssim.sim.trace.render.PngRenderer;
import dev.syssim.sim.trace.render.SvgRenderer;
import dev.syssim.sim.trace.render.TextRenderer;
import dev.syssim.sim.trace.render.TraceView;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Render time and output size of a trace display: a typical cell (cat /etc/motd, about 30 events)
 * and a 100,000-event simulation recorded through a bounded Trace (head 1,000, tail 1,000), each
 * with the default %trace options (max 100 events drawn). Plain Java: warm-up, then the median and
 * the worst of N timed runs; the first (cold) run is reported too. Run with bench/render/run.sh.
 */
public class RenderBenchmark {

    private static final int WARMUP = 15;
    private static final int RUNS = 25;
    private static final Gson GSON = new Gson();

    public static void main(String[] args) {
        TraceDisplayOptions options = TraceDisplayOptions.DEFAULT.withLevel(TraceLevel.FULL);
        System.out.printf(Locale.ROOT, "java %s, %d cores, headless=%s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.awt.headless"));
        long coldStart = System.nanoTime();
        TraceBundle.build(typicalCell(), options).orElseThrow();
        System.out.printf(Locale.ROOT, "cold first bundle (fonts, classes, JIT): %.1f ms%n%n", (System.nanoTime() - coldStart) / 1e6);
        report("typical cell (cat /etc/motd)", typicalCell(), options);
        report("100,000-event trace", hundredThousand(), options);
    }

    private static void report(String name, TraceSnapshot snapshot, TraceDisplayOptions options) {
        TraceView view = TraceView.of(options.filter().apply(snapshot));
        System.out.printf(Locale.ROOT, "== %s: %,d events recorded, %,d drawn one by one%n", name, snapshot.total(), view.lines().size());
        time("filter + view", () -> TraceView.of(options.filter().apply(snapshot)));
        time("text", () -> new TextRenderer().render(view));
        time("svg", () -> new SvgRenderer().render(view));
        time("html (incl. svg)", () -> new HtmlRenderer().render(view));
        time("png", () -> new PngRenderer().render(view));
        time("json (maps)", () -> new JsonRenderer().render(view));
        time("whole bundle", () -> TraceBundle.build(snapshot, options).orElseThrow());
        time("whole bundle + gson", () -> GSON.toJson(TraceBundle.build(snapshot, options).orElseThrow().data()));
        DisplayBundle bundle = TraceBundle.build(snapshot, options).orElseThrow();
        System.out.println("  sizes in the notebook (UTF-8 JSON):");
        for (Map.Entry<String, Object> e : bundle.data().entrySet()) {
            System.out.printf(Locale.ROOT, "    %-36s %,9d bytes%n", e.getKey(), GSON.toJson(e.getValue()).getBytes(StandardCharsets.UTF_8).length);
        }
        int total = GSON.toJson(Map.of("data", bundle.data(), "metadata", bundle.metadata())).getBytes(StandardCharsets.UTF_8).length;
        System.out.printf(Locale.ROOT, "    %-36s %,9d bytes%n", "total display_data", total);
        System.out.printf(Locale.ROOT, "  svg %,d bytes, png %,d bytes (before base64)%n%n",
                new SvgRenderer().render(view).getBytes(StandardCharsets.UTF_8).length, new PngRenderer().render(view).png().length);
    }

    private static void time(String what, Supplier<?> work) {
        for (int i = 0; i < WARMUP; i++) work.get();
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            work.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %-22s median %7.2f ms   worst %7.2f ms%n", what, nanos[RUNS / 2] / 1e6, nanos[RUNS - 1] / 1e6);
    }

    static TraceSnapshot typicalCell() {
        Trace trace = new Trace(1000, 1000);
        trace.setLevel(TraceLevel.FULL);
        Lane bash = Lane.process("laptop", "bash", 1200);
        Lane cat = Lane.process("laptop", "cat", 1204);
        Lane kernel = Lane.kernel("laptop");
        Lane disk = Lane.device("laptop", "disk");
        Lane console = Lane.device("laptop", "console");
        long t = 0;
        long clone = trace.record(t, bash, CpuMode.USER, EventKind.SYSCALL_ENTER, "clone(child_stack=NULL, flags=SIGCHLD)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 2000, kernel, CpuMode.KERNEL, EventKind.PROCESS, "fork: cat[1204] is a copy of bash[1200]", "", clone);
        trace.record(t += 2000, bash, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 1204", "", clone);
        long exec = trace.record(t += 6000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "execve(\"/bin/cat\", [\"cat\", \"/etc/motd\"], envp)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 2000, kernel, CpuMode.KERNEL, EventKind.MEMORY, "load /bin/cat into cat[1204]'s memory", "", exec);
        trace.record(t += 18000, kernel, CpuMode.KERNEL, EventKind.MODE_SWITCH, "drop privileges: kernel -> user, jump to _start", "", exec);
        trace.record(t, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 0", "", exec);
        trace.record(t += 1000, cat, CpuMode.USER, EventKind.COMPUTE, "compute (12,000 instructions)", "", TraceEvent.NO_CAUSE);
        long open = trace.record(t += 12000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "openat(AT_FDCWD, \"/etc/motd\", O_RDONLY)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 2000, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 3", "", open);
        long read = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "read(3, 0x7ffd5000, 131072)", "", TraceEvent.NO_CAUSE);
        long request = trace.record(t += 1000, disk, CpuMode.NONE, EventKind.DEVICE_REQUEST, "read block 2048 (4096 bytes)", "", read);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.BLOCK, "cat[1204] sleeps until the disk answers", "", read);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.CONTEXT_SWITCH, "cat[1204] -> idle", "", read);
        long irq = trace.record(t += 3_000_000, disk, CpuMode.NONE, EventKind.INTERRUPT, "IRQ 14 (disk): block 2048 ready", "", request);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.MEMORY, "copy 24 bytes into cat[1204]'s buffer", "", irq);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.WAKE, "cat[1204] is runnable", "", irq);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.CONTEXT_SWITCH, "idle -> cat[1204]", "", irq);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.MODE_SWITCH, "return to user mode", "", read);
        trace.record(t, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 24", "", read);
        trace.record(t += 1000, cat, CpuMode.USER, EventKind.COMPUTE, "compute (800 instructions)", "", TraceEvent.NO_CAUSE);
        long write = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "write(1, \"Welcome to laptop!\\n...\", 24)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 1000, console, CpuMode.NONE, EventKind.DEVICE_REQUEST, "24 bytes to the terminal", "", write);
        trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 24", "", write);
        long eof = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "read(3, 0x7ffd5000, 131072)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 0", "", eof);
        long close = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "close(3)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_EXIT, "= 0", "", close);
        long exit = trace.record(t += 1000, cat, CpuMode.USER, EventKind.SYSCALL_ENTER, "exit_group(0)", "", TraceEvent.NO_CAUSE);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.PROCESS, "exit: cat[1204] exits with status 0", "", exit);
        trace.record(t += 1000, kernel, CpuMode.KERNEL, EventKind.MEMORY, "free cat[1204]'s memory", "", exit);
        trace.record(t + 1000, bash, CpuMode.KERNEL, EventKind.SIGNAL, "SIGCHLD", "", exit);
        return trace.snapshot();
    }

    /** Two processes writing and taking turns on a core for 100,000 events, with varied labels. */
    static TraceSnapshot hundredThousand() {
        Trace trace = new Trace(1000, 1000);
        trace.setLevel(TraceLevel.FULL);
        Lane[] procs = {Lane.process("laptop", "yes", 1301), Lane.process("laptop", "spin", 1302)};
        Lane kernel = Lane.kernel("laptop");
        Lane timer = Lane.device("laptop", "timer");
        Lane console = Lane.device("laptop", "console");
        long t = 0;
        int turn = 0;
        int n = 0;
        while (trace.total() < 100_000) {
            Lane p = procs[turn % 2];
            long w = trace.record(t += 1000, p, CpuMode.USER, EventKind.SYSCALL_ENTER, "write(1, \"y\\n\", " + (2 + n++ % 7) + ")", "", TraceEvent.NO_CAUSE);
            trace.record(t += 100, console, CpuMode.NONE, EventKind.DEVICE_REQUEST, "bytes to the terminal", "", w);
            trace.record(t += 100, p, CpuMode.USER, EventKind.SYSCALL_EXIT, "= " + (2 + (n - 1) % 7), "", w);
            if (n % 10 == 0) {
                long irq = trace.record(t += 100, timer, CpuMode.NONE, EventKind.INTERRUPT, "IRQ 0 (timer): tick", "", TraceEvent.NO_CAUSE);
                trace.record(t += 100, kernel, CpuMode.KERNEL, EventKind.CONTEXT_SWITCH, p.name() + " -> " + procs[(turn + 1) % 2].name(), "", irq);
                turn++;
            }
        }
        return trace.snapshot();
    }
}
