package dev.syssim.sim.shell.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.syssim.sim.oracle.Oracle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays {@code testdata/oracle/arith/cases.jsonl}, recorded from real bash 5.2 by its
 * {@code record.py}: each expression evaluated as {@code $(( ))} (value, or the message and a
 * failed subshell) and as {@code (( ))} (message with {@code ((: }, status, or the line discarded),
 * then the variables it touched. The engine must print and leave exactly the same.
 */
class ArithmeticOracleTest {

    @TestFactory
    Stream<DynamicTest> everyRecordedExpressionAgreesWithBash() {
        return Oracle.cases("arith/cases.jsonl").stream()
                .map(c -> DynamicTest.dynamicTest(c.get("id").getAsString(), () -> replay(c)));
    }

    private static void replay(JsonObject c) {
        String expr = c.get("expr").getAsString();
        Arithmetic arithmetic = new Arithmetic();
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();

        ArithResult asExpansion = arithmetic.evaluate(expr, setup(c));
        print(err, asExpansion, null);
        if (asExpansion instanceof ArithResult.Value v) out.append("value=").append(v.value()).append('\n');
        out.append("status1=").append(asExpansion instanceof ArithResult.Value ? 0 : 1).append('\n');
        err.append("--\n");

        MapVariables vars = setup(c);
        ArithResult asCommand = arithmetic.evaluate(expr, vars);
        print(err, asCommand, "((");
        int rc = 0;
        if (asCommand instanceof ArithResult.Value v) {
            out.append("status2=").append(v.value() != 0 ? 0 : 1).append('\n');
        } else {
            ArithResult.Kind kind = ((ArithResult.Failure) asCommand).kind();
            if (kind == ArithResult.Kind.UNBOUND) rc = 1; // the shell exits
            else if (kind != ArithResult.Kind.SUBSCRIPT) out.append("status2=1\n"); // SUBSCRIPT: line discarded
        }

        String id = c.get("id").getAsString();
        assertEquals(c.get("stdout").getAsString(), out.toString(), id + ": stdout");
        assertEquals(c.get("stderr").getAsString().replaceAll("(?m)^bash: line \\d+: ", "bash: "), err.toString(),
                id + ": stderr");
        assertEquals(c.get("rc").getAsInt(), rc, id + ": status");
        if (c.has("state")) {
            for (Map.Entry<String, JsonElement> e : c.getAsJsonObject("state").entrySet()) {
                assertEquals(expectedState(e.getValue()), state(vars, e.getKey()), id + ": variable " + e.getKey());
            }
        }
    }

    private static void print(StringBuilder err, ArithResult r, String command) {
        List<ArithMessage> all = new ArrayList<>(r.messages());
        if (r instanceof ArithResult.Failure f) all.add(f.error());
        for (ArithMessage m : all) {
            err.append("bash: ");
            if (m.commandName() && command != null) err.append(command).append(": ");
            err.append(m.text()).append('\n');
        }
    }

    static MapVariables setup(JsonObject c) {
        MapVariables v = new MapVariables();
        object(c, "vars").forEach((k, e) -> v.scalars.put(k, e.getAsString()));
        object(c, "arrays").forEach((k, e) -> {
            TreeMap<Long, String> a = new TreeMap<>();
            e.getAsJsonObject().entrySet().forEach(x -> a.put(Long.parseLong(x.getKey()), x.getValue().getAsString()));
            v.indexed.put(k, a);
        });
        object(c, "assoc").forEach((k, e) -> {
            LinkedHashMap<String, String> a = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(x -> a.put(x.getKey(), x.getValue().getAsString()));
            v.associative.put(k, a);
        });
        object(c, "readonly").forEach((k, e) -> {
            v.scalars.put(k, e.getAsString());
            v.readonly.add(k);
        });
        if (c.has("declared")) c.getAsJsonArray("declared").forEach(e -> v.declaredOnly.add(e.getAsString()));
        v.nounset = c.has("nounset") && c.get("nounset").getAsBoolean();
        return v;
    }

    private static Map<String, JsonElement> object(JsonObject c, String key) {
        Map<String, JsonElement> m = new LinkedHashMap<>();
        if (c.has(key)) c.getAsJsonObject(key).entrySet().forEach(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    private static String expectedState(JsonElement e) {
        if (e.isJsonNull()) return "unset";
        JsonObject o = e.getAsJsonObject();
        String kind = o.get("kind").getAsString();
        return switch (kind) {
            case "declared" -> "declared";
            case "scalar" -> "scalar " + o.get("value").getAsString();
            default -> {
                TreeMap<String, String> sorted = new TreeMap<>();
                o.getAsJsonObject("elements").entrySet().forEach(x -> sorted.put(x.getKey(), x.getValue().getAsString()));
                yield kind + " " + sorted;
            }
        };
    }

    private static String state(MapVariables v, String name) {
        if (v.scalars.containsKey(name)) return "scalar " + v.scalars.get(name);
        if (v.indexed.containsKey(name)) {
            TreeMap<String, String> sorted = new TreeMap<>();
            v.indexed.get(name).forEach((k, x) -> sorted.put(Long.toString(k), x));
            return "indexed " + sorted;
        }
        if (v.associative.containsKey(name)) return "assoc " + new TreeMap<>(v.associative.get(name));
        if (v.declaredOnly.contains(name)) return "declared";
        return "unset";
    }
}
