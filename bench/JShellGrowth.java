import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * Whether a JShell snippet costs more the more snippets came before it: evaluates `1 + 1` (and
 * drops its variable, as the Java cells do) ROUNDS times 250 times, and prints each round's CPU
 * time per snippet on this thread, with the kernel's pruning of JShell's class files
 * (java/GeneratedClasses) or without it. Run from the repository, with the kernel's JVM options:
 *
 *   J=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
 *   $J -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx256m --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED \
 *      -cp kernel/target/syssim-kernel.jar bench/JShellGrowth.java [prune|keep] [ROUNDS]
 */
public class JShellGrowth {

    public static void main(String[] args) throws Exception {
        boolean prune = args.length < 1 || args[0].equals("prune");
        int rounds = args.length < 2 ? 8 : Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JShell jshell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        // the kernel's own pruning, package-private there: reached as the kernel's tests reach it
        Class<?> classes = Class.forName("dev.syssim.kernel.java.GeneratedClasses");
        Method of = classes.getDeclaredMethod("of", JShell.class);
        Method pruning = classes.getDeclaredMethod("prune");
        of.setAccessible(true);
        pruning.setAccessible(true);
        Object generated = of.invoke(null, jshell);
        for (int round = 1; round <= rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 250; i++) {
                for (SnippetEvent e : jshell.eval("1 + 1")) {
                    if (e.snippet() instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) jshell.drop(v);
                }
                if (prune) pruning.invoke(generated);
            }
            System.out.printf("%s: snippets %4d-%4d: %.1f ms of CPU each%n", prune ? "prune" : "keep",
                    (round - 1) * 250 + 1, round * 250, (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / 250);
        }
        jshell.close();
    }
}
