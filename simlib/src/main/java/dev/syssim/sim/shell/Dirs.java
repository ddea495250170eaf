package dev.syssim.sim.shell;

import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.Syscall;
import java.util.ArrayList;
import java.util.List;

/**
 * The current directory and the directory stack: {@code cd} (with CDPATH, {@code cd -}, and the
 * logical PWD that keeps symbolic links), {@code pushd}, {@code popd}, {@code dirs}.
 */
final class Dirs {

    private Dirs() {
    }

    /** The stack as {@code dirs} shows it: the current directory first. */
    static List<String> stack(Shell sh) {
        List<String> all = new ArrayList<>();
        String pwd = sh.st.vars.get("PWD");
        all.add(pwd == null ? "" : pwd);
        all.addAll(sh.st.dirStack);
        return all;
    }

    /** Whether $PWD can stand for the directory getcwd reports (it is the same path, or a logical one to it). */
    static boolean sameDirectoryKnown(Shell sh, String pwd, String cwd) {
        if (pwd.equals(cwd)) return true;
        return sh.st.pwdPhysical != null && sh.st.pwdPhysical.equals(cwd) && pwd.equals(sh.st.pwdLogical);
    }

    static final Builtin CD = (sh, argv) -> {
        boolean physical = sh.st.options.get("physical");
        int i = 1;
        for (; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-") || !a.startsWith("-") || a.length() < 2) break;
            for (char f : a.substring(1).toCharArray()) {
                if (f == 'P') physical = true;
                else if (f == 'L') physical = false;
                else if (f != 'e' && f != '@') {
                    sh.builtinError("cd", "-" + f + ": invalid option");
                    sh.err("cd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n");
                    return sh.done(2);
                }
            }
        }
        List<String> args = argv.subList(i, argv.size());
        if (args.size() > 1 && !sh.st.dash) { // dash takes the first and ignores the rest
            sh.builtinError("cd", "too many arguments");
            return sh.done(1);
        }
        String target;
        boolean print = false;
        if (args.isEmpty()) {
            target = sh.st.vars.get("HOME");
            if (target == null) {
                sh.builtinError("cd", "HOME not set");
                return sh.done(1);
            }
        } else if (args.get(0).equals("-")) {
            target = sh.st.vars.get("OLDPWD");
            if (target == null || target.isEmpty()) {
                sh.builtinError("cd", "OLDPWD not set");
                return sh.done(1);
            }
            print = true;
        } else {
            target = args.get(0);
        }
        if (target.isEmpty()) return sh.done(0);
        String cdpath = sh.st.vars.get("CDPATH");
        List<String> candidates = new ArrayList<>();
        boolean usesCdpath = cdpath != null && !target.startsWith("/") && !target.startsWith("./") && !target.startsWith("../")
                && !target.equals(".") && !target.equals("..");
        if (usesCdpath) {
            for (String d : cdpath.split(":", -1)) candidates.add(d.isEmpty() ? target : (d.endsWith("/") ? d : d + "/") + target);
        }
        candidates.add(target);
        boolean show = print;
        boolean phys = physical;
        String original = target;
        return change(sh, candidates, 0, phys, original, usesCdpath, show, null);
    };

    private static Step change(Shell sh, List<String> candidates, int i, boolean physical, String original, boolean cdpath,
                               boolean print, String firstError) {
        if (i >= candidates.size()) {
            if (sh.st.dash) {
                sh.builtinError("cd", "can't cd to " + original);
                return sh.done(2);
            }
            sh.builtinError("cd", original + ": " + (firstError == null ? "No such file or directory" : firstError));
            return sh.done(1);
        }
        String dir = candidates.get(i);
        String logical = physical ? dir : logicalPath(sh, dir);
        return sh.c.sys(new Syscall.Chdir(Bytes.toJava(logical)), r -> {
            if (r.failed()) {
                String error = firstError != null ? firstError : i == candidates.size() - 1 ? r.errno().message() : null;
                if (i < candidates.size() - 1 || sh.st.dash) {
                    return change(sh, candidates, i + 1, physical, original, cdpath, print, firstError);
                }
                sh.builtinError("cd", original + ": " + (firstError != null ? firstError : r.errno().message()));
                return sh.done(1);
            }
            return sh.c.getcwd((err, cwd) -> {
                String old = sh.st.vars.get("PWD");
                String now = physical || err != null ? (err == null ? Bytes.fromJava(cwd) : logical) : logical;
                setPwd(sh, old, now, err == null ? Bytes.fromJava(cwd) : now);
                boolean viaCdpath = cdpath && i < candidates.size() - 1 && !candidates.get(i).equals(original);
                if (print || viaCdpath) sh.out(now + "\n");
                return sh.done(0);
            });
        });
    }

    static void setPwd(Shell sh, String old, String now, String physical) {
        if (old != null) Assign.scalar(sh, "OLDPWD", old, false);
        Assign.scalar(sh, "PWD", now, false);
        sh.st.pwdLogical = now;
        sh.st.pwdPhysical = physical;
    }

    /** A path made absolute against $PWD with {@code .} and {@code ..} removed as text (cd -L). */
    static String logicalPath(Shell sh, String dir) {
        String base = sh.st.vars.get("PWD");
        String path = dir.startsWith("/") || base == null ? dir : (base.endsWith("/") ? base : base + "/") + dir;
        if (!path.startsWith("/")) return dir;
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
                continue;
            }
            parts.add(p);
        }
        return "/" + String.join("/", parts);
    }

    /** A directory as dirs shows it: HOME abbreviated to ~ unless {@code long}. */
    private static String shown(Shell sh, String dir, boolean longForm) {
        String home = sh.st.vars.get("HOME");
        if (longForm || home == null || home.isEmpty()) return dir;
        if (dir.equals(home)) return "~";
        if (dir.startsWith(home + "/")) return "~" + dir.substring(home.length());
        return dir;
    }

    static void print(Shell sh, boolean longForm, boolean verbose, boolean perLine) {
        List<String> all = stack(sh);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String d = shown(sh, all.get(i), longForm);
            if (verbose) out.append(String.format("%2d  %s%n", i, d));
            else if (perLine) out.append(d).append('\n');
            else out.append(i > 0 ? " " : "").append(d);
        }
        if (!verbose && !perLine) out.append('\n');
        sh.out(out.toString());
    }

    static final Builtin DIRS = (sh, argv) -> {
        boolean longForm = false;
        boolean verbose = false;
        boolean perLine = false;
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-c")) {
                sh.st.dirStack.clear();
                return sh.done(0);
            }
            if (a.matches("[+-][0-9]+")) {
                List<String> all = stack(sh);
                int n = Integer.parseInt(a.substring(1));
                int k = a.startsWith("+") ? n : all.size() - 1 - n;
                if (k < 0 || k >= all.size()) {
                    sh.builtinError("dirs", a.substring(1) + ": directory stack index out of range");
                    return sh.done(1);
                }
                sh.out(shown(sh, all.get(k), longForm) + "\n");
                return sh.done(0);
            }
            for (char f : a.substring(1).toCharArray()) {
                if (f == 'l') longForm = true;
                else if (f == 'v') verbose = true;
                else if (f == 'p') perLine = true;
                else {
                    sh.builtinError("dirs", "-" + f + ": invalid option");
                    sh.err("dirs: usage: dirs [-clpv] [+N] [-N]\n");
                    return sh.done(2);
                }
            }
        }
        print(sh, longForm, verbose, perLine);
        return sh.done(0);
    };

    static final Builtin PUSHD = (sh, argv) -> {
        ShellState st = sh.st;
        boolean noChange = argv.size() > 1 && argv.get(1).equals("-n");
        List<String> args = argv.subList(noChange ? 2 : 1, argv.size());
        String pwd = st.vars.get("PWD");
        if (args.isEmpty()) {
            if (st.dirStack.isEmpty()) {
                sh.builtinError("pushd", "no other directory");
                return sh.done(1);
            }
            String top = st.dirStack.remove(0);
            st.dirStack.add(0, pwd);
            return go(sh, top, true, "pushd", null);
        }
        String dir = args.get(0);
        if (dir.matches("[+-][0-9]+")) {
            List<String> all = stack(sh);
            int n = Integer.parseInt(dir.substring(1));
            int k = dir.startsWith("+") ? n : all.size() - 1 - n;
            if (k < 0 || k >= all.size()) {
                sh.builtinError("pushd", dir.substring(1) + ": directory stack index out of range");
                return sh.done(1);
            }
            List<String> rotated = new ArrayList<>(all.subList(k, all.size()));
            rotated.addAll(all.subList(0, k));
            st.dirStack = new ArrayList<>(rotated.subList(1, rotated.size()));
            return go(sh, rotated.get(0), true, "pushd", null);
        }
        return go(sh, dir, true, "pushd", pwd);
    };

    /** cd to {@code dir} for pushd/popd; {@code pushOld}: the old directory goes onto the stack on success. */
    private static Step go(Shell sh, String dir, boolean printStack, String builtin, String pushOld) {
        String logical = logicalPath(sh, dir);
        return sh.c.sys(new Syscall.Chdir(Bytes.toJava(logical)), r -> {
            if (r.failed()) {
                sh.builtinError(builtin, dir + ": " + r.errno().message());
                return sh.done(1);
            }
            String old = sh.st.vars.get("PWD");
            if (pushOld != null) sh.st.dirStack.add(0, pushOld);
            setPwd(sh, old, logical, logical);
            if (printStack) print(sh, false, false, false);
            return sh.done(0);
        });
    }

    static final Builtin POPD = (sh, argv) -> {
        ShellState st = sh.st;
        boolean noChange = argv.size() > 1 && argv.get(1).equals("-n");
        List<String> args = argv.subList(noChange ? 2 : 1, argv.size());
        if (st.dirStack.isEmpty()) {
            sh.builtinError("popd", "directory stack empty");
            return sh.done(1);
        }
        if (!args.isEmpty() && args.get(0).matches("[+-][0-9]+")) {
            List<String> all = stack(sh);
            int n = Integer.parseInt(args.get(0).substring(1));
            int k = args.get(0).startsWith("+") ? n : all.size() - 1 - n;
            if (k < 0 || k >= all.size()) {
                sh.builtinError("popd", args.get(0).substring(1) + ": directory stack index out of range");
                return sh.done(1);
            }
            if (k > 0) {
                st.dirStack.remove(k - 1);
                print(sh, false, false, false);
                return sh.done(0);
            }
        }
        String top = st.dirStack.remove(0);
        if (noChange) {
            print(sh, false, false, false);
            return sh.done(0);
        }
        return go(sh, top, true, "popd", null);
    };
}
