package dev.syssim.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The class files JShell keeps for javac: pruned to the active declarations' wrappers, so a
 * notebook's thousandth cell compiles as fast as its tenth, and every declaration still works.
 * The build opens {@code jdk.jshell} to the tests as the kernel jar's manifest does to the kernel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClassesTest {

    private JShell jshell;
    private GeneratedClasses classes;

    @BeforeAll
    void start() {
        jshell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).build();
        classes = GeneratedClasses.of(jshell);
    }

    @AfterAll
    void stop() {
        jshell.close();
    }

    /** Evaluates one snippet as a cell does: an expression's temporary variable is dropped after. */
    private String value(String source) {
        List<SnippetEvent> events = jshell.eval(source);
        SnippetEvent event = events.get(0);
        assertEquals(Snippet.Status.VALID, event.status(), source + ": " + jshell.diagnostics(event.snippet()).toList());
        assertEquals(null, event.exception(), source);
        String value = event.value();
        if (event.snippet() instanceof VarSnippet v && v.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) jshell.drop(v);
        classes.prune();
        return value;
    }

    @Test
    void theClassFilesOfJShellCanBeReached() {
        assertTrue(classes.reachable(), "the tests' JVM opens jdk.jshell, as the kernel jar's manifest does");
    }

    @Test
    void expressionsAndStatementsLeaveNoClassFileForJavac() {
        value("int counted = 0;");
        int before = classes.visible();
        for (int i = 0; i < 40; i++) {
            value(i + " * 2");
            value("counted++;");
            value("if (counted < 0) System.out.println(counted);");
        }
        assertEquals(before, classes.visible(), "120 cells without declarations leave javac's view of package REPL as it was");
        assertEquals("40", value("counted"));
    }

    @Test
    void aReplacedOrDroppedDeclarationLeavesNoClassFile() {
        value("int twice(int x) { return 2 * x; }");
        int withTwice = classes.visible();
        value("int twice(int x) { return x + x; }");
        assertEquals(withTwice, classes.visible(), "the replaced method's wrapper is forgotten, the new one kept");
        value("int dropMe = 3;");
        jshell.snippets().filter(s -> s instanceof VarSnippet v && v.name().equals("dropMe")).toList().forEach(jshell::drop);
        classes.prune();
        assertEquals(withTwice, classes.visible());
        assertEquals("8", value("twice(4)"));
    }

    @Test
    void activeDeclarationsStayUsableWithTheirNestedAndAnonymousClasses() {
        value("class Box { static class Inner { int n = 7; } Runnable r = new Runnable() { public void run() { } }; }");
        value("record Point(int x, int y) { }");
        value("var anon = new Object() { int f = 5; };");
        value("int square(int x) { return x * x; }");
        value("String greeting = \"hi\";");
        for (int i = 0; i < 30; i++) value("square(" + i + ") + greeting.length()");
        assertEquals("\"7 5 9 hi 3\"", value("new Box.Inner().n + \" \" + anon.f + \" \" + square(3) + \" \" + greeting + \" \" + new Point(1, 2).x() * 3"));
        assertEquals("true", value("new Box().r != null"));
    }

    @Test
    void theWrapperOfANestedClassIsItsTopLevelClass() {
        assertEquals("REPL.$JShell$12", GeneratedClasses.wrapper("REPL.$JShell$12$Point"));
        assertEquals("REPL.$JShell$12B_13", GeneratedClasses.wrapper("REPL.$JShell$12B_13$1"));
        assertEquals("REPL.$JShell$12", GeneratedClasses.wrapper("REPL.$JShell$12"));
    }
}
