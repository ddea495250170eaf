package dev.syssim.kernel.java;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution (snippets run in this JVM), run the way a notebook needs it:
 * <ul>
 * <li>a snippet runs on a thread of its own, in a thread group of its own, and the cell waits for
 *     that thread only: threads the cell starts run on after it (JShell's own local execution
 *     also waits for threads the snippet started before it looked, a race a background thread
 *     sometimes loses, hanging the cell);</li>
 * <li>the live value of an expression is kept, not only its {@code toString}, so it can be
 *     rendered as an image or a trace;</li>
 * <li>a class's {@code System.exit} ends the cell, not the kernel ({@link ExitRewriter});</li>
 * <li>stopping is as JShell's: from Java 20 a check at the start of every method and loop back
 *     edge of the cell's code (JShell's own instrumentation, which {@link #load} keeps), before
 *     Java 20 {@code Thread.stop}.</li>
 * </ul>
 * Every variable, including JShell's binding variables, is a static field of the class whose
 * {@code do_it$} method runs it; this control notes those fields, so a variable can be set by name.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** The provider JShell's builder takes; it hands out the one control a JShell uses. */
    static final class Provider implements ExecutionControlProvider {
        private final CellExecutionControl control = new CellExecutionControl();

        @Override
        public String name() {
            return "syssim";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }

        CellExecutionControl control() {
            return control;
        }
    }

    /** The name of a snippet's thread group (the threads the snippet starts join it). */
    static final String GROUP = "JShell process local execution";
    /** JShell's class with the stop flag its instrumentation checks (Java 20 and later). */
    private static final String CANCEL_CLASS = "REPL.$Cancel$";

    /** The field that holds each variable now, by name (a redeclared variable moves to a newer class). */
    private final Map<String, Field> variables = new HashMap<>();
    /** Whether the running cell is being stopped: then no snippet of it starts any more. */
    private volatile BooleanSupplier stopping = () -> false;
    /** JShell's stop flag, once its class is loaded; null before Java 20, where there is none. */
    private Field allStop;
    private boolean prepared;
    private volatile ThreadGroup running;
    private volatile Object lastValue;

    void setStopping(BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            rewritten[i] = new ClassBytecodes(classes[i].name(), ExitRewriter.rewrite(classes[i].bytecodes()));
        }
        super.load(rewritten); // JShell instruments the classes for stopping, and loads them
    }

    /** Does nothing: run once through JShell's own invoke, which makes it load its stop flag's class. */
    public static Object prepare() {
        return null;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (stopping.getAsBoolean()) throw new StoppedException();
        prepareStop();
        if (allStop != null) allStop.setBoolean(null, false);
        noteVariables(doitMethod.getDeclaringClass());
        ThreadGroup group = new ThreadGroup(GROUP);
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread snippet = new Thread(group, () -> {
            try {
                result[0] = doitMethod.invoke(null);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "syssim-java-cell");
        running = group;
        try {
            snippet.start();
            snippet.join();
        } finally {
            running = null;
        }
        Throwable failed = failure[0];
        Throwable cause = failed instanceof InvocationTargetException ite ? ite.getCause() : failed;
        if (cause != null && cause.getClass().getName().equals("java.lang.ThreadDeath")) throw new StoppedException();
        if (failed instanceof Exception e) throw e;
        if (failed instanceof Error e) throw e;
        lastValue = result[0];
        return valueString(result[0]);
    }

    /** Once: JShell's own invoke, on a method that does nothing, loads the class of its stop flag. */
    private void prepareStop() throws Exception {
        if (prepared) return;
        prepared = true;
        Method prepare = CellExecutionControl.class.getMethod("prepare");
        prepare.setAccessible(true); // this class is not public; JShell calls the method from its own module
        super.invoke(prepare);
        try {
            allStop = findClass(CANCEL_CLASS).getField("allStop");
        } catch (ClassNotFoundException | NoSuchFieldException beforeJava20) {
            allStop = null;
        }
    }

    private void noteVariables(Class<?> snippetClass) {
        for (Field field : snippetClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                synchronized (variables) {
                    variables.put(field.getName(), field);
                }
            }
        }
    }

    /**
     * Stops the running snippet and the threads it started: JShell's way, a flag its instrumented
     * code checks (Java 20 and later) and an interrupt, else {@code Thread.stop}. Simplification
     * (as JShell's own): the flag also stops threads an earlier cell left running, at their next check.
     */
    @Override
    public void stop() {
        ThreadGroup group = running;
        if (group == null) return;
        if (allStop != null) {
            try {
                allStop.setBoolean(null, true);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            interrupt();
        } else {
            for (Thread t : threads(group)) stopThread(t);
        }
    }

    /** Interrupts the running snippet's threads: ends a sleep, a wait, a read. */
    void interrupt() {
        ThreadGroup group = running;
        if (group != null) for (Thread t : threads(group)) t.interrupt();
    }

    private static Thread[] threads(ThreadGroup group) {
        Thread[] threads;
        int count;
        do {
            threads = new Thread[group.activeCount() + 4];
            count = group.enumerate(threads);
        } while (count == threads.length);
        return java.util.Arrays.copyOf(threads, count);
    }

    /** {@code Thread.stop}, called by name: it exists only before Java 20, where this runs. */
    private static void stopThread(Thread t) {
        try {
            Thread.class.getMethod("stop").invoke(t);
        } catch (ReflectiveOperationException | RuntimeException gone) {
            t.interrupt();
        }
    }

    /** The field holding the variable {@code name} now, or null if no snippet declared one. */
    Field variable(String name) {
        synchronized (variables) {
            return variables.get(name);
        }
    }

    /** The value the last snippet's code returned: an expression's value, live. */
    Object lastValue() {
        return lastValue;
    }
}
