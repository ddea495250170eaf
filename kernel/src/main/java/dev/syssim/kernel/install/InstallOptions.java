package dev.syssim.kernel.install;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What {@code install} was asked to do: where, under which name, with which JVM ({@code java}: null
 * for the one running the installer), whether to build the start-up archives, and whether Java
 * cells are allowed (with them, a second kernelspec {@code NAME-java} whose cells are Java).
 */
public record InstallOptions(Target target, Path prefix, String name, String displayName, Path java, boolean cds,
                             boolean javaCells, boolean help) {

    /** The three kernelspec locations Jupyter's own {@code kernelspec install} knows. */
    public enum Target { USER, SYS_PREFIX, PREFIX }

    // jupyter_client accepts kernel names of these characters only.
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    public static InstallOptions defaults() {
        return new InstallOptions(Target.USER, null, "syssim", "SysSim", null, true, true, false);
    }

    /** Parses the arguments after {@code install}; a bad one is an IllegalArgumentException saying why. */
    public static InstallOptions parse(List<String> args) {
        Target target = null;
        Path prefix = null;
        InstallOptions defaults = defaults();
        String name = defaults.name();
        String displayName = defaults.displayName();
        Path java = null;
        boolean cds = true;
        boolean javaCells = true;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    return new InstallOptions(Target.USER, null, name, displayName, java, cds, javaCells, true);
                }
                case "--user" -> target = only(target, Target.USER);
                case "--sys-prefix" -> target = only(target, Target.SYS_PREFIX);
                case "--prefix" -> {
                    target = only(target, Target.PREFIX);
                    prefix = Path.of(value(args, ++i, arg));
                }
                case "--name" -> name = value(args, ++i, arg);
                case "--display-name" -> displayName = value(args, ++i, arg);
                case "--java" -> java = Path.of(value(args, ++i, arg));
                case "--no-cds" -> cds = false;
                case "--no-java-cells" -> javaCells = false;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("kernel name '" + name + "' may only use letters, digits, '.', '_' and '-'");
        }
        return new InstallOptions(target == null ? Target.USER : target, prefix, name, displayName, java, cds, javaCells, false);
    }

    /** The name of the kernelspec whose cells are Java: {@code syssim-java} beside {@code syssim}. */
    public String javaName() {
        return name + "-java";
    }

    /** The Java kernelspec's display name: {@code SysSim (Java)}. */
    public String javaDisplayName() {
        return displayName + " (Java)";
    }

    private static Target only(Target chosen, Target next) {
        if (chosen != null) throw new IllegalArgumentException("choose one of --user, --sys-prefix, --prefix");
        return next;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) throw new IllegalArgumentException(option + " needs a value");
        return args.get(index);
    }
}
