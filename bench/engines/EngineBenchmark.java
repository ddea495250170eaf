import dev.syssim.sim.prog.Fnmatch;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.arith.ArithVariables;
import dev.syssim.sim.shell.arith.Arithmetic;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Speed of the shell's engines: arithmetic as an untraced counting loop uses it (the same texts a
 * million times), and pattern matching (one compiled pattern, many strings; the worst cases of a
 * backtracking matcher). Each row: median of the rounds after warm-up, wall-clock time measured
 * here only.
 */
public final class EngineBenchmark {

    /** Scalars only, as the loop needs. */
    static final class Scalars implements ArithVariables {
        final Map<String, String> values = new HashMap<>();
        public String value(String name) { return values.get(name); }
        public boolean isSet(String name) { return values.containsKey(name); }
        public boolean isAssociative(String name) { return false; }
        public boolean isIndexedArray(String name) { return false; }
        public long maxIndex(String name) { return -1; }
        public String element(String name, long index) { return index == 0 ? values.get(name) : null; }
        public String element(String name, String key) { return null; }
        public String assign(String name, String value) { values.put(name, value); return null; }
        public String assignElement(String name, long index, String value) { return null; }
        public String assignElement(String name, String key, String value) { return null; }
        public String expandSubscript(String text, boolean associative) { return text; }
        public boolean nounset() { return false; }
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("| workload | median (min..max) of " + rounds + " rounds after warm-up |");
        System.out.println("|---|---|");
        row("arithmetic: while ((i < 1000000)); do ((i++)); done -- 2,000,000 evaluations", 2_000_000, rounds,
                () -> countingLoop("i < 1000000", "i++"));
        row("arithmetic: i = i + 1 and i < 1000000 (assignment, each value re-parsed as a number)", 2_000_000, rounds,
                () -> countingLoop("i < 1000000", "i = i + 1"));
        row("arithmetic: x = (a*3 + b/2) % 7, a and b values that are expressions", 1_000_000, rounds,
                EngineBenchmark::expressionValues);
        row("arithmetic: 1,000,000 distinct texts (compile each; cache misses)", 1_000_000, rounds,
                EngineBenchmark::distinctTexts);
        row("fnmatch: *.txt against 1,000,000 names (compiled once)", 1_000_000, rounds, EngineBenchmark::names);
        row("fnmatch: [[:alpha:]]*[0-9] against 1,000,000 UTF-8 words", 1_000_000, rounds, EngineBenchmark::utf8Words);
        row("fnmatch: *a*a*a*a*a*a*b against 100,000 a's (no backtracking blow-up)", 1, rounds,
                () -> Fnmatch.compile("*a*a*a*a*a*a*b", 0, true).matches("a".repeat(100_000)) ? 1 : 0);
        row("fnmatch: +([0-9]) against 10,000 digits (extglob)", 1, rounds,
                () -> Fnmatch.compile("+([0-9])", Fnmatch.EXTMATCH, true).matches("7".repeat(10_000)) ? 1 : 0);
        row("fnmatch: ${x%.*} on a 60-byte path (suffix removal, 1,000,000 times)", 1_000_000, rounds,
                EngineBenchmark::suffixRemoval);
    }

    static long countingLoop(String condition, String step) {
        Arithmetic arithmetic = new Arithmetic();
        Scalars vars = new Scalars();
        vars.values.put("i", "0");
        long n = 0;
        while (value(arithmetic.evaluate(condition, vars)) != 0) {
            arithmetic.evaluate(step, vars);
            n++;
        }
        return n;
    }

    static long expressionValues() {
        Arithmetic arithmetic = new Arithmetic();
        Scalars vars = new Scalars();
        vars.values.put("a", "b + 1");
        vars.values.put("b", "i * 2");
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            vars.values.put("i", Integer.toString(i));
            sum += value(arithmetic.evaluate("x = (a*3 + b/2) % 7", vars));
        }
        return sum;
    }

    static long distinctTexts() {
        Arithmetic arithmetic = new Arithmetic();
        Scalars vars = new Scalars();
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) sum += value(arithmetic.evaluate(i + " * 2 + 1", vars));
        return sum;
    }

    static long names() {
        Fnmatch f = Fnmatch.compile("*.txt", 0, true);
        long n = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (f.matches((i % 3 == 0 ? "notes-" : "report.") + i + (i % 2 == 0 ? ".txt" : ".md"))) n++;
        }
        return n;
    }

    static long utf8Words() {
        Fnmatch f = Fnmatch.compile("[[:alpha:]]*[0-9]", 0, true);
        String[] words = {"\u00c3\u00a9t\u00c3\u00a9-2024", "caf\u00c3\u00a9", "na\u00c3\u00afve7", "x1", "42"};
        long n = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (f.matches(words[i % words.length])) n++;
        }
        return n;
    }

    static long suffixRemoval() {
        Fnmatch f = Fnmatch.compile(".*", 0, true);
        String path = "/home/student/projects/course/week-07/solutions/exercise.tar";
        long n = 0;
        for (int i = 0; i < 1_000_000; i++) {
            Fnmatch.Subject s = f.subject(path);
            n += s.removeSuffix(false);
        }
        return n;
    }

    static long value(ArithResult r) {
        return r instanceof ArithResult.Value v ? v.value() : 0;
    }

    static void row(String name, long operations, int rounds, LongSupplier work) {
        for (int i = 0; i < 2; i++) work.getAsLong();
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            work.getAsLong();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        double median = seconds[rounds / 2];
        String rate = operations > 1
                ? String.format(Locale.ROOT, " = %,.0f ns each", median * 1e9 / operations) : "";
        System.out.printf(Locale.ROOT, "| %s | %.3f s (%.3f..%.3f)%s |%n", name, median, seconds[0],
                seconds[rounds - 1], rate);
    }
}
