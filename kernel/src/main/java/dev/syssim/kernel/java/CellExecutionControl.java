package dev.syssim.kernel.java;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution (snippets run in this JVM, on a thread of their own, stoppable as the
 * JDK allows: {@code Thread.stop} before Java 20, a stop check at every loop's back edge after),
 * plus two things a notebook needs: the live value of an expression, not only its
 * {@code toString}, so it can be rendered as an image or a trace; and classes whose
 * {@code System.exit} ends the cell instead of the kernel.
 *
 * <p>The value: JShell keeps every variable, including an expression's {@code $1}, as a static
 * field of the class whose {@code do_it$} method it runs; this control notes those fields as it
 * runs them, newest last, so a variable's value can be read by name.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** The provider JShell's builder takes; it hands out the one control a kernel uses. */
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

    /** The field that holds each variable now, by name (a redeclared variable moves to a newer class). */
    private final Map<String, Field> variables = new HashMap<>();
    /** Whether the running cell is being stopped: then no snippet of it starts any more. */
    private volatile java.util.function.BooleanSupplier stopping = () -> false;

    void setStopping(java.util.function.BooleanSupplier stopping) {
        this.stopping = stopping;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            rewritten[i] = new ClassBytecodes(classes[i].name(), ExitRewriter.rewrite(classes[i].bytecodes()));
        }
        super.load(rewritten);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        // JShell's stop only reaches a snippet already running; one about to start is refused here
        if (stopping.getAsBoolean()) throw new StoppedException();
        for (Field field : doitMethod.getDeclaringClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                synchronized (variables) {
                    variables.put(field.getName(), field);
                }
            }
        }
        return super.invoke(doitMethod);
    }

    /** The field holding the variable {@code name} now, or null if no snippet declared one. */
    Field variable(String name) {
        synchronized (variables) {
            return variables.get(name);
        }
    }

    /** The live value of the variable {@code name} (an expression's is {@code $1} ...), or null. */
    Object value(String name) {
        Field field = variable(name);
        if (field == null) return null;
        try {
            field.setAccessible(true);
            return field.get(null);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }
}
