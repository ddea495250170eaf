package dev.syssim.sim.shell;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shell's options: {@code set -o} names (with their one-letter flags) and {@code shopt} names,
 * in the order bash lists them, with bash 5.2's defaults for a non-interactive shell.
 */
final class Options {

    /** {@code set -o} options in bash's listing order; the letter is the {@code set -x} flag ('\0' if none). */
    static final Map<String, Character> SET_OPTIONS = new LinkedHashMap<>();
    /** {@code shopt} options in bash's listing order, with their defaults. */
    static final Map<String, Boolean> SHOPT_DEFAULTS = new LinkedHashMap<>();

    static {
        Object[][] set = {{"allexport", 'a'}, {"braceexpand", 'B'}, {"emacs", '\0'}, {"errexit", 'e'}, {"errtrace", 'E'},
                {"functrace", 'T'}, {"hashall", 'h'}, {"histexpand", 'H'}, {"history", '\0'}, {"ignoreeof", '\0'},
                {"interactive-comments", '\0'}, {"keyword", 'k'}, {"monitor", 'm'}, {"noclobber", 'C'}, {"noexec", 'n'},
                {"noglob", 'f'}, {"nolog", '\0'}, {"notify", 'b'}, {"nounset", 'u'}, {"onecmd", 't'}, {"physical", 'P'},
                {"pipefail", '\0'}, {"posix", '\0'}, {"privileged", 'p'}, {"verbose", 'v'}, {"vi", '\0'}, {"xtrace", 'x'}};
        for (Object[] o : set) SET_OPTIONS.put((String) o[0], (Character) o[1]);
        String[] on = {"checkwinsize", "cmdhist", "complete_fullquote", "extquote", "force_fignore", "globasciiranges",
                "globskipdots", "hostcomplete", "interactive_comments", "patsub_replacement", "progcomp", "promptvars", "sourcepath"};
        String[] all = {"autocd", "assoc_expand_once", "cdable_vars", "cdspell", "checkhash", "checkjobs", "checkwinsize",
                "cmdhist", "compat31", "compat32", "compat40", "compat41", "compat42", "compat43", "compat44",
                "complete_fullquote", "direxpand", "dirspell", "dotglob", "execfail", "expand_aliases", "extdebug", "extglob",
                "extquote", "failglob", "force_fignore", "globasciiranges", "globskipdots", "globstar", "gnu_errfmt",
                "histappend", "histreedit", "histverify", "hostcomplete", "huponexit", "inherit_errexit", "interactive_comments",
                "lastpipe", "lithist", "localvar_inherit", "localvar_unset", "login_shell", "mailwarn",
                "no_empty_cmd_completion", "nocaseglob", "nocasematch", "noexpand_translation", "nullglob",
                "patsub_replacement", "progcomp", "progcomp_alias", "promptvars", "restricted_shell", "shift_verbose",
                "sourcepath", "varredir_close", "xpg_echo"};
        java.util.Set<String> defaultsOn = java.util.Set.of(on);
        for (String name : all) SHOPT_DEFAULTS.put(name, defaultsOn.contains(name));
    }

    private final Map<String, Boolean> set = new LinkedHashMap<>();
    private final Map<String, Boolean> shopt = new LinkedHashMap<>(SHOPT_DEFAULTS);

    // the hot ones, as fields
    boolean errexit;
    boolean nounset;
    boolean xtrace;
    boolean verbose;
    boolean noexec;
    boolean noglob;
    boolean noclobber;
    boolean allexport;
    boolean pipefail;
    boolean errtrace;
    boolean functrace;
    boolean monitor;
    boolean braceexpand = true;
    boolean hashall = true;
    boolean posix;
    boolean extglob;
    boolean nullglob;
    boolean failglob;
    boolean dotglob;
    boolean globstar;
    boolean nocaseglob;
    boolean nocasematch;
    boolean expandAliases;
    boolean lastpipe;
    boolean inheritErrexit;
    boolean xpgEcho;
    boolean patsubReplacement = true;
    boolean globskipdots = true;
    boolean localvarInherit;

    Options() {
        for (String name : SET_OPTIONS.keySet()) set.put(name, false);
        set.put("braceexpand", true);
        set.put("hashall", true);
        set.put("interactive-comments", true);
    }

    Options copy() {
        Options o = new Options();
        o.set.putAll(set);
        o.shopt.putAll(shopt);
        o.sync();
        return o;
    }

    /** In a command substitution's child: bash turns errexit off unless {@code inherit_errexit} (or POSIX mode). */
    void errexitForSubstitution() {
        if (!inheritErrexit && !posix && errexit) set("errexit", false);
    }

    boolean isSetOption(String name) {
        return set.containsKey(name);
    }

    boolean isShopt(String name) {
        return shopt.containsKey(name);
    }

    boolean get(String name) {
        Boolean b = set.get(name);
        return b != null && b;
    }

    boolean getShopt(String name) {
        Boolean b = shopt.get(name);
        return b != null && b;
    }

    void set(String name, boolean value) {
        set.put(name, value);
        if (name.equals("emacs") && value) set.put("vi", false);
        if (name.equals("vi") && value) set.put("emacs", false);
        sync();
    }

    void setShopt(String name, boolean value) {
        shopt.put(name, value);
        sync();
    }

    /** The set option a one-letter flag stands for, or null. */
    static String byLetter(char letter) {
        for (Map.Entry<String, Character> e : SET_OPTIONS.entrySet()) if (e.getValue() == letter) return e.getKey();
        return null;
    }

    Map<String, Boolean> setOptions() {
        return set;
    }

    Map<String, Boolean> shoptOptions() {
        return shopt;
    }

    private void sync() {
        errexit = get("errexit");
        nounset = get("nounset");
        xtrace = get("xtrace");
        verbose = get("verbose");
        noexec = get("noexec");
        noglob = get("noglob");
        noclobber = get("noclobber");
        allexport = get("allexport");
        pipefail = get("pipefail");
        errtrace = get("errtrace");
        functrace = get("functrace");
        monitor = get("monitor");
        braceexpand = get("braceexpand");
        hashall = get("hashall");
        posix = get("posix");
        extglob = getShopt("extglob");
        nullglob = getShopt("nullglob");
        failglob = getShopt("failglob");
        dotglob = getShopt("dotglob");
        globstar = getShopt("globstar");
        nocaseglob = getShopt("nocaseglob");
        nocasematch = getShopt("nocasematch");
        expandAliases = getShopt("expand_aliases");
        lastpipe = getShopt("lastpipe");
        inheritErrexit = getShopt("inherit_errexit");
        xpgEcho = getShopt("xpg_echo");
        patsubReplacement = getShopt("patsub_replacement");
        globskipdots = getShopt("globskipdots");
        localvarInherit = getShopt("localvar_inherit");
    }

    /**
     * {@code $-}: the one-letter flags that are on, in bash's order ({@code himBHs} interactively),
     * plus {@code i}, {@code s} and {@code c} which describe how the shell was started.
     */
    String flags(boolean interactive, boolean commandString, boolean stdinScript) {
        StringBuilder out = new StringBuilder();
        for (char f : "abefhikmnptuvxBCEHPT".toCharArray()) {
            if (f == 'i') {
                if (interactive) out.append('i');
                continue;
            }
            String name = byLetter(f);
            if (name != null && get(name)) out.append(f);
        }
        if (commandString) out.append('c');
        if (stdinScript) out.append('s');
        return out.toString();
    }

    /** dash's {@code $-}: its option letters from last to first (no {@code c}; {@code s} when it reads stdin). */
    String dashFlags(boolean interactive, boolean stdinScript) {
        StringBuilder out = new StringBuilder();
        for (char f : "ubaCvxsnmife".toCharArray()) {
            if (f == 'i') {
                if (interactive) out.append('i');
                continue;
            }
            if (f == 's') {
                if (stdinScript) out.append('s');
                continue;
            }
            String name = byLetter(f);
            if (name != null && get(name)) out.append(f);
        }
        return out.toString();
    }
}
