package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rules of the printf engine that the recorded table cannot show. */
class PrintfTest {

    private static final Printf.Times TIMES = new Printf.Times(1_700_000_000L, 1_600_000_000L);

    @Test
    void timeMinusOneIsTheSuppliedNowAndMinusTwoTheShellsStart() {
        Printf.Result r = Printf.format(Printf.Dialect.BASH, "%(%F %T)T|%(%s)T|%(%s)T", List.of("-1", "-2"), TIMES);
        assertEquals("2023-11-14 22:13:20|1600000000|1700000000", r.output());
    }

    @Test
    void bashPrintfMinusVNamesTheVariableAndKeepsTheBytes() {
        Printf.Result r = Printf.printf(Printf.Dialect.BASH, List.of("-v", "out", "%s\\0%d", "a", "7"), "printf", TIMES);
        assertEquals("out", r.variable());
        assertEquals("a\0" + "7", r.output());
    }

    @Test
    void printfWritesBytesNotUtf8() {
        Printf.Result r = Printf.format(Printf.Dialect.COREUTILS, "\\0\\377\\x41", List.of(), TIMES);
        assertEquals("\0\u00ffA", r.output());
        assertEquals(3, r.output().length());
    }

    @Test
    void anyFormatAndArgumentsGiveAResultNeverAnException() {
        String alphabet = "%%%dsbqcfgeaxXoui.*-+ #0'123\\\\ntcxu0(T)$é";
        Random random = new Random(20);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder format = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) format.append(alphabet.charAt(random.nextInt(alphabet.length())));
            List<String> args = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) args.add(Integer.toString(random.nextInt(2000) - 1000) + (random.nextBoolean() ? "" : "e5"));
            for (Printf.Dialect d : Printf.Dialect.values()) {
                Printf.Result r = Printf.format(d, format.toString(), args, TIMES);
                assertTrue(r.status() >= 0 && r.status() <= 2, format.toString());
                Printf.echo(d, args);
            }
        }
    }
}
