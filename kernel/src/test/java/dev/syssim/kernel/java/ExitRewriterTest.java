package dev.syssim.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** System.exit in a cell's class ends the cell, not the kernel; nothing else of the class changes. */
class ExitRewriterTest {

    private static byte[] compile(String name, String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream classFile = new ByteArrayOutputStream();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classFile;
                    }
                };
            }
        };
        JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        assertEquals(true, javac.getTask(null, files, null, List.of("-classpath", System.getProperty("java.class.path")), null, List.of(unit)).call());
        return classFile.toByteArray();
    }

    private static Class<?> define(String name, byte[] bytes) {
        return new ClassLoader(ExitRewriterTest.class.getClassLoader()) {
            Class<?> define() {
                return defineClass(name, bytes, 0, bytes.length);
            }
        }.define();
    }

    @Test
    void systemExitBecomesTheCellsExitAndTheRestOfSystemStays() throws Exception {
        byte[] original = compile("Quitter", """
                public class Quitter {
                    public static String out() { return System.out.getClass().getName() + System.lineSeparator().length(); }
                    public static void quit(int status) { if (status >= 0) System.exit(status); }
                    public static Runnable later() { return () -> System.exit(9); }
                }""");
        Class<?> quitter = define("Quitter", ExitRewriter.rewrite(original));
        Method quit = quitter.getMethod("quit", int.class);
        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> quit.invoke(null, 7));
        assertEquals(7, ((SystemExit) thrown.getCause()).status());
        assertEquals(System.out.getClass().getName() + System.lineSeparator().length(), quitter.getMethod("out").invoke(null));
        Runnable later = (Runnable) quitter.getMethod("later").invoke(null);
        assertEquals(9, assertThrows(SystemExit.class, later::run).status(), "a lambda's body is in the same class");
    }

    @Test
    void aClassThatDoesNotExitIsLeftAsItIs() {
        byte[] original = compile("Calm", "public class Calm { public static int two() { return 2; } }");
        assertSame(original, ExitRewriter.rewrite(original));
    }

    @Test
    void bytesThatAreNotAClassFileAreLeftAsTheyAre() {
        byte[] junk = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertSame(junk, ExitRewriter.rewrite(junk));
    }
}
