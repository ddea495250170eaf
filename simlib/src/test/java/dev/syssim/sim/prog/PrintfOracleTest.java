package dev.syssim.sim.prog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code testdata/oracle/printf/cases.jsonl}: printf and echo of bash 5.2, dash 0.5.12 and
 * coreutils 9.1, recorded on this machine. Each case's stdout, stderr (messages first, as the real
 * tools' buffering puts them) and status must be the same.
 */
class PrintfOracleTest {

    /** The recordings' times are explicit epoch seconds; -1 and -2 are not recorded. */
    private static final Printf.Times TIMES = new Printf.Times(0, 0);

    @TestFactory
    Stream<DynamicTest> everyRecordedRunAgreesWithTheRealTool() {
        return Oracle.cases("printf/cases.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> replay(c)));
    }

    private static void replay(JsonObject c) {
        Printf.Dialect dialect = Printf.Dialect.valueOf(c.get("dialect").getAsString().toUpperCase(java.util.Locale.ROOT));
        List<String> args = new ArrayList<>();
        c.getAsJsonArray("args").forEach(e -> args.add(e.getAsString()));
        boolean echo = c.get("tool").getAsString().equals("echo");
        Printf.Result r = echo ? Printf.echo(dialect, args) : Printf.printf(dialect, args, "printf", TIMES);
        String out = r.output();
        if (r.variable() != null) out = r.variable().equals("v") ? "<v=" + out + ">" : "";
        StringBuilder err = new StringBuilder();
        for (Printf.Message m : r.messages()) {
            err.append(switch (m.prefix()) {
                case FULL -> switch (dialect) {
                    case BASH -> "bash: line 1: printf: ";
                    case DASH -> "sh: 1: printf: ";
                    case COREUTILS -> "printf: ";
                };
                case NAME -> "printf: ";
                case NONE -> "";
            }).append(m.text()).append('\n');
        }
        String id = c.get("id").getAsString() + " " + args;
        assertEquals(c.get("stdout").getAsString(), out, id + ": stdout");
        assertEquals(c.get("stderr").getAsString(), err.toString(), id + ": stderr");
        assertEquals(c.get("rc").getAsInt(), r.status(), id + ": status");
    }
}
