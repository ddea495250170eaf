package dev.syssim.sim.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The lecture's OS stories, as a student would type them. */
class ProcessFlowTest {

    @Test
    void privilegedInstructionInUserModeKillsTheProcessWithSigsegv() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "sneaky", "compute 3\ncli            # privileged: disable interrupts\nexit 0\n", 1000, 1000);
        assertEquals("Segmentation fault\nstatus 139\n", f.run("sneaky; echo \"status $?\""));
        f.session().switchTo(f.laptop(), "root");
        String log = f.run("cat /dev/kmsg > /dev/null; tail -1 /dev/null; cat /proc/self/comm");
        assertTrue(log.contains("bash") || log.contains("cat"), log);
    }

    @Test
    void programPrintsAndExits() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "hello", "getpid -> me\nprint \"hello from $me\"\nexit 3\n", 1000, 1000);
        String out = f.run("hello; echo $?");
        assertTrue(out.matches("hello from \\d+\n3\n"), out);
    }

    @Test
    void nullPointerIsAPageFault() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "npe", "load null\n", 1000, 1000);
        assertEquals("Segmentation fault\n139\n", f.run("npe; echo $?"));
    }

    @Test
    void endlessLoopHitsTheStepLimit() throws Exception {
        var f = Terminal.laptop();
        UserPrograms.install(f.laptop(), "spin", "top:\ncompute 1ms\njump top\n", 1000, 1000);
        String out = f.run("spin");
        assertTrue(out.contains("step limit"), out);
        assertEquals("after\n", f.run("echo after"));
    }
}
