package dev.syssim.kernel.java;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * The class files one JShell keeps for javac, pruned to those a later snippet can still name.
 *
 * <p>Why: JShell compiles every snippet into a class of package {@code REPL} and keeps its class
 * file in its file manager for good, also when the snippet is a statement, an expression whose
 * value was read, or a declaration dropped or replaced since. javac lists the whole package for
 * every one of the three or four compilations of a snippet, so each cell got slower than the one
 * before: a trivial cell's compilations cost about twice as much after 1,500 cells as after 100.
 * A later snippet names only the wrapper classes of active declarations (JShell imports their
 * members), so only those (and their nested classes) are kept visible to javac. Classes already
 * loaded keep running: the loader has its own copy.
 *
 * <p>JShell has no API for this: the map is reached by reflection, which needs
 * {@code --add-opens jdk.jshell/jdk.jshell} (the kernel jar's manifest opens it). Where it is not
 * open, or a JDK keeps its classes elsewhere, nothing is pruned and cells only get slower with time.
 */
final class GeneratedClasses {

    /** JShell's package and the prefix of its wrapper classes' names (the same from JDK 9 to 25). */
    static final String PREFIX = "REPL.$JShell$";

    private final JShell shell;
    /** JShell's map from class name to class file; null when it cannot be reached. */
    private final Map<?, ?> files;
    private final Method classFullName;

    private GeneratedClasses(JShell shell, Map<?, ?> files, Method classFullName) {
        this.shell = shell;
        this.files = files;
        this.classFullName = classFullName;
    }

    /** The class files of {@code shell}; {@link #reachable()} says whether they could be reached. */
    static GeneratedClasses of(JShell shell) {
        try {
            Object taskFactory = read(JShell.class, "taskFactory", shell);
            Object fileManager = read(taskFactory.getClass(), "fileManager", taskFactory);
            Method name = Snippet.class.getDeclaredMethod("classFullName");
            name.setAccessible(true);
            if (read(fileManager.getClass(), "classObjects", fileManager) instanceof Map<?, ?> map) {
                return new GeneratedClasses(shell, map, name);
            }
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            // not opened to us, or another JDK's JShell: cells work, only without the pruning
        }
        return new GeneratedClasses(shell, null, null);
    }

    private static Object read(Class<?> type, String field, Object from) throws ReflectiveOperationException {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(from);
    }

    /** Whether this JShell's class files could be reached (else {@link #prune()} does nothing). */
    boolean reachable() {
        return files != null;
    }

    /** How many class files javac sees in package {@code REPL}; -1 if they cannot be reached. */
    int visible() {
        return files == null ? -1 : files.size();
    }

    /**
     * Forgets the class files no later snippet can name: all but those of the active declarations'
     * wrapper classes. Runs on JShell's thread between two evaluations, never during one.
     */
    void prune() {
        if (files == null) return;
        Set<String> kept = new HashSet<>();
        try {
            for (Snippet s : shell.snippets().toList()) {
                if (s instanceof DeclarationSnippet && shell.status(s).isActive()) kept.add((String) classFullName.invoke(s));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return; // better no pruning than a wrong one
        }
        files.keySet().removeIf(key -> key instanceof String name && name.startsWith(PREFIX) && !kept.contains(wrapper(name)));
    }

    /** The top-level wrapper class a (maybe nested) class belongs to: {@code REPL.$JShell$12} for {@code REPL.$JShell$12$Point}. */
    static String wrapper(String className) {
        int nested = className.indexOf('$', PREFIX.length());
        return nested < 0 ? className : className.substring(0, nested);
    }
}
