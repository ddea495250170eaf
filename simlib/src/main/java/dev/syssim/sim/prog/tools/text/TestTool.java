package dev.syssim.sim.prog.tools.text;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.TestExpression;
import dev.syssim.sim.prog.TestLookups;
import dev.syssim.sim.prog.Tool;
import java.util.List;

/**
 * coreutils' {@code test} and {@code [}: the shared engine in its coreutils dialect, the file
 * questions answered with system calls. Only {@code [} knows {@code --help} and {@code --version}
 * (to {@code test} they are strings, so true).
 */
public final class TestTool extends Tool {

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        String program = c.args().argv().get(0);
        boolean bracket = c.args().name().equals("[");
        if (bracket && args.equals(List.of("--help"))) {
            c.print(usage());
            return c.exit(0);
        }
        if (bracket && args.equals(List.of("--version"))) {
            c.print(CoreutilsVersion.of("[", "Kevin Braunsdorf and Matthew Bradburn"));
            return c.exit(0);
        }
        TestExpression test = TestExpression.parse(TestExpression.Dialect.COREUTILS, ByteWords.of(args), bracket);
        return TestLookups.evaluate(c, test, TestLookups.NO_SHELL, result -> {
            for (String message : result.messages()) c.eprintBytes(ByteWords.bytes(ByteWords.of(program) + ": " + message + "\n"));
            return c.exit(result.status());
        });
    }

    @Override
    public String usage() {
        return "Usage: test EXPRESSION\n  or:  test\n  or:  [ EXPRESSION ]\n  or:  [ ]\n  or:  [ OPTION\n"
                + manual().split("\n", 2)[1] + "\n";
    }

    @Override
    public String manual() {
        return "test EXPRESSION\n"
                + "  Exit with the status determined by EXPRESSION: ( ) ! -a -o, string tests -n -z = != < >, integer tests\n"
                + "  -eq -ne -lt -le -gt -ge, file tests -e -f -d -b -c -p -S -h -L -r -w -x -s -u -g -k -O -G -N -t, -nt -ot -ef.";
    }

    @Override
    public String whatis() {
        return "check file types and compare values";
    }
}
