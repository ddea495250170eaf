package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.syssim.sim.trace.render.JsonRenderer;
import dev.syssim.sim.virt.CostCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lecture's virtual-machine section ("Where VMs fit into this", before section 3) runs on the
 * interpreter, every cell without an error, and tells the paragraph: libvirt starts QEMU as
 * libvirt-qemu, the guest cannot see the host, a guest disk read exits to QEMU which reads the image
 * with a host syscall and injects the interrupt, perf kvm stat counts the exits, virtio needs fewer,
 * and killing QEMU ends the guest. Its table of the same cat three ways shows the counts the
 * section's own traced cells produce.
 */
class LectureVirtTest {

    private static final Path LECTURE = Path.of("..", "notebooks", "lecture", "lecture.ipynb");
    private static final String SECTION = "### Where VMs fit into this";
    private static final String END = "## 3 · Containers";

    static final List<String> SHOWS = List.of(
            "crw-rw---- 1 root kvm 10, 232",
            " -    guest1   shut off\n -    guest2   shut off",
            "Domain 'guest2' started",
            "libvirt+ ",
            "qemu-system-x86\n",
            "Connected to domain 'guest2'\nEscape character is ^] (Ctrl + ])",
            "guest2\n  PID TTY          TIME CMD\n    1 ?        00:00:00 init",
            "vm-exit   30 IO_INSTRUCTION: outb 0x1f2",
            "pread64(",
            "VM entry: inject IRQ 14 ata_piix (vector 46)",
            "vm-exit   12 HLT",
            "Analyze events for all VMs, all VCPUs:",
            "      IO_INSTRUCTION ",
            "       EPT_MISCONFIG ",
            "Connected to domain 'guest1'",
            "TDT (transmit descriptor tail)",
            "virtqueue 1 (transmit)",
            " 2    guest1   running\n -    guest2   shut off",
            "You are student on laptop.");

    /** The table's rows: the label the notebook gives each, in its order. */
    private static final List<String> ROWS = List.of("`cat`'s own syscalls", "other syscalls (host and guest)", "interrupts",
            "context switches", "VM exits");

    @Test
    void theVmSectionRunsAndItsTableIsWhatItsCellsCounted() throws Exception {
        JsonArray cells = JsonParser.parseString(Files.readString(LECTURE)).getAsJsonObject().getAsJsonArray("cells");
        List<String> code = new ArrayList<>();
        String table = null;
        boolean inSection = false;
        for (JsonElement e : cells) {
            JsonObject cell = e.getAsJsonObject();
            String source = String.join("", cell.getAsJsonArray("source").asList().stream().map(JsonElement::getAsString).toList());
            boolean markdown = cell.get("cell_type").getAsString().equals("markdown");
            if (markdown && source.startsWith(SECTION)) inSection = true;
            if (markdown && source.startsWith(END)) break;
            if (!inSection) continue;
            if (!markdown) code.add(source);
            else if (source.contains("| " + ROWS.get(0))) table = source;
        }
        assertTrue(code.size() > 15, "the section has its cells: " + code.size());
        assertTrue(table != null, "the section has its table");
        SimInterpreter interpreter = new SimInterpreter();
        StringBuilder everything = new StringBuilder();
        List<CostCounts> measured = new ArrayList<>();
        for (String source : code) {
            Interleaved io = new Interleaved(everything, new ArrayList<>());
            ExecuteOutcome outcome = interpreter.execute(source, io);
            assertTrue(outcome.ok(), () -> "cell failed: " + source + "\n" + outcome + "\n" + everything);
            // the three ways are the cells traced with --max 12 (bare metal, container, guest2, guest1), counted from their displays
            if (source.contains("%trace interrupts --max 12")) {
                assertEquals(1, io.traces().size(), source);
                measured.add(CostCounts.ofJson(io.traces().get(0), "cat"));
            }
        }
        List<String> missing = SHOWS.stream().filter(s -> !everything.toString().contains(s)).toList();
        assertTrue(missing.isEmpty(), "the lecture no longer shows: " + missing + "\n\n" + everything);
        assertEquals(4, measured.size(), "four ways measured");
        StringBuilder expected = new StringBuilder();
        for (int r = 0; r < ROWS.size(); r++) {
            expected.append("| ").append(ROWS.get(r));
            for (CostCounts c : measured) {
                long v = switch (r) {
                    case 0 -> c.programSyscalls();
                    case 1 -> c.otherSyscalls();
                    case 2 -> c.interrupts();
                    case 3 -> c.contextSwitches();
                    default -> c.vmExits();
                };
                expected.append(" | ").append(v);
            }
            expected.append(" |\n");
        }
        assertTrue(table.contains(expected), "the table shows what the cells counted:\n" + expected + "\nnot\n" + table);
    }

    /** Standard output and error in the order the cell wrote them; displays as their text. */
    private record Interleaved(StringBuilder into, List<Map<String, Object>> traces) implements CellIO {
        @Override
        public void stream(String name, String text) {
            into.append(text);
        }

        @Override
        public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
            into.append(data.getOrDefault("text/plain", "")).append('\n');
            if (data.get(JsonRenderer.MIME_TYPE) instanceof Map<?, ?> trace) {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = (Map<String, Object>) trace;
                traces.add(json);
            }
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            return Optional.empty();
        }

        @Override
        public boolean stdinAllowed() {
            return false;
        }
    }
}
