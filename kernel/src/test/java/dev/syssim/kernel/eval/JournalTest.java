package dev.syssim.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.trace.TraceLevel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a notebook's journal keeps: the cells that changed its state, since its last rebuild. */
class JournalTest {

    private final SimInterpreter interpreter = new SimInterpreter();

    private Journal journal() throws Exception {
        var field = SimInterpreter.class.getDeclaredField("workspace");
        field.setAccessible(true);
        return ((Workspace) field.get(interpreter)).journal();
    }

    private void run(String code) {
        RecordingIO.runOk(interpreter, code);
    }

    @Test
    void checkCellsAndBlankCellsAreNotJournalledTheyChangeNothing() throws Exception {
        run("echo one");
        run("%%check c\nexit 0: true");
        run("  \n");
        assertEquals(List.of("echo one"), journal().entries().stream().map(Journal.Entry::code).toList());
        assertTrue(Journal.isCheck("%%check\nexit 0: true") && Journal.isCheck("%%check name --points 2"));
        assertTrue(!Journal.isCheck("%%checkpoint") && !Journal.isCheck("echo %%check"));
    }

    @Test
    void aCellThatRebuildsTheWorldStartsTheJournalOverFromTheSettingsItFound() throws Exception {
        run("echo before");
        run("%trace syscalls");
        run("%trace full\n%scenario campus\nhostname");
        run("echo after");
        assertEquals(List.of("%trace full\n%scenario campus\nhostname", "echo after"), journal().entries().stream().map(Journal.Entry::code).toList());
        assertEquals(TraceLevel.SYSCALLS, journal().base().traceOptions().level(), "the settings the rebuilding cell found");
    }

    @Test
    void whatTheUserTypedAndWhetherTheyCouldIsKeptWithTheCell() throws Exception {
        RecordingIO io = new RecordingIO();
        io.inputs.add("alice");
        interpreter.execute("read a; read b", io);
        Journal.Entry entry = journal().entries().get(0);
        assertEquals(List.of(Optional.of("alice"), Optional.empty()), entry.inputs());
        assertTrue(entry.stdinAllowed());
    }
}
