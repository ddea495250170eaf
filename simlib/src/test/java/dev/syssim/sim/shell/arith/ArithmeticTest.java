package dev.syssim.sim.shell.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rules of the engine that the recorded table cannot show: no Java stack, caching, totality. */
class ArithmeticTest {

    private static long value(ArithResult r) {
        return assertInstanceOf(ArithResult.Value.class, r).value();
    }

    @Test
    void thirtyThousandNestedParenthesesNeverMeetJavasStack() {
        String deep = "(".repeat(30_000) + "7" + ")".repeat(30_000);
        assertEquals(7, value(new Arithmetic().evaluate(deep, new MapVariables())));
    }

    @Test
    void thirtyThousandRightAssociativeAssignmentsNeverMeetJavasStack() {
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 30_000; i++) chain.append('v').append(i).append('=');
        MapVariables vars = new MapVariables();
        assertEquals(3, value(new Arithmetic().evaluate(chain + "3", vars)));
        assertEquals("3", vars.scalars.get("v0"));
        assertEquals("3", vars.scalars.get("v29999"));
    }

    @Test
    void variableChainsDeeperThanBashsLimitEndInItsMessage() {
        MapVariables vars = new MapVariables();
        for (int i = 0; i < 5000; i++) vars.set("v" + i, "v" + (i + 1));
        ArithResult r = new Arithmetic().evaluate("v0", vars);
        ArithResult.Failure f = assertInstanceOf(ArithResult.Failure.class, r);
        assertEquals("v1023: expression recursion level exceeded (error token is \"v1023\")", f.error().text());
    }

    @Test
    void theSameTextIsCompiledOnce() {
        Arithmetic arithmetic = new Arithmetic();
        assertSame(arithmetic.compiled("i < 1000000"), arithmetic.compiled("i < 1000000"));
    }

    @Test
    void aCountingLoopSeesEachAssignment() {
        Arithmetic arithmetic = new Arithmetic();
        MapVariables vars = new MapVariables().set("i", "0");
        long sum = 0;
        while (value(arithmetic.evaluate("i < 1000", vars)) != 0) {
            sum += value(arithmetic.evaluate("i++", vars));
        }
        assertEquals(499_500, sum);
        assertEquals("1000", vars.scalars.get("i"));
    }

    @Test
    void anyTextGivesAValueOrBashsMessageNeverAJavaException() {
        String alphabet = "0123456789abxyz#@_+-*/%<>=!~&|^?:,()[] \t\n\"'$\\\u00e9";
        Random random = new Random(18);
        Arithmetic arithmetic = new Arithmetic();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            MapVariables vars = new MapVariables().set("x", "y+1").set("y", "2");
            vars.indexed.put("a", new java.util.TreeMap<>(java.util.Map.of(0L, "1", 3L, "x")));
            assertNotNull(arithmetic.evaluate(text.toString(), vars), text.toString());
        }
    }
}
