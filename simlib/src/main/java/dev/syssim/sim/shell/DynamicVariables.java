package dev.syssim.sim.shell;

/**
 * The variables bash computes when they are read: RANDOM (its Park-Miller generator, so a seeded
 * RANDOM gives bash's numbers), SECONDS and EPOCHSECONDS on the simulated clock, LINENO, BASHPID,
 * BASH_SUBSHELL, FUNCNAME, BASH_SOURCE, BASH_LINENO and the like. Assigning RANDOM seeds it;
 * assigning SECONDS restarts it.
 */
final class DynamicVariables implements Variables.Dynamic {

    private final Shell sh;

    DynamicVariables(Shell sh) {
        this.sh = sh;
    }

    @Override
    public String get(String name) {
        ShellState st = sh.st;
        if (st.dash) return null; // dash computes none of these (not even LINENO or $_)
        switch (name) {
            case "RANDOM":
                return Integer.toString(st.random());
            case "SRANDOM":
                return Long.toString(Integer.toUnsignedLong(st.random() << 17 ^ st.random()));
            case "LINENO":
                return Integer.toString(st.lineNumber);
            case "BASHPID":
                return Integer.toString(st.bashpid == 0 ? st.pid : st.bashpid);
            case "BASH_SUBSHELL":
                return Integer.toString(st.subshellLevel);
            case "SECONDS":
                return Long.toString((Clock.now(sh) - st.secondsBase) / 1_000_000_000L + st.secondsOffset);
            case "EPOCHSECONDS":
                return Long.toString(Clock.now(sh) / 1_000_000_000L);
            case "EPOCHREALTIME": {
                long now = Clock.now(sh);
                return now / 1_000_000_000L + "." + String.format("%06d", now % 1_000_000_000L / 1000);
            }
            case "_":
                return st.lastArgument;
            case "BASH_COMMAND":
                return st.currentCommand();
            case "SHELLOPTS": {
                java.util.List<String> on = new java.util.ArrayList<>();
                for (var e : st.options.setOptions().entrySet()) if (e.getValue()) on.add(e.getKey());
                return String.join(":", on);
            }
            case "BASHOPTS": {
                java.util.List<String> on = new java.util.ArrayList<>();
                for (var e : st.options.shoptOptions().entrySet()) if (e.getValue()) on.add(e.getKey());
                return String.join(":", on);
            }
            default:
                return null;
        }
    }

    @Override
    public java.util.List<String> array(String name) {
        ShellState st = sh.st;
        if (st.dash) return null;
        java.util.List<String> out = new java.util.ArrayList<>();
        switch (name) {
            case "PIPESTATUS" -> {
                for (int s : st.pipestatus) out.add(Integer.toString(s));
                return out;
            }
            case "FUNCNAME" -> {
                for (int i = st.calls.size() - 1; i >= 0; i--) out.add(st.calls.get(i).function());
                if (!st.calls.isEmpty() && !st.commandString) out.add("main");
                return out;
            }
            case "BASH_SOURCE" -> {
                for (int i = st.calls.size() - 1; i >= 0; i--) out.add(st.calls.get(i).source());
                for (int i = st.sources.size() - 1; i >= 0; i--) out.add(st.sources.get(i));
                return out;
            }
            case "BASH_LINENO" -> {
                for (int i = st.calls.size() - 1; i >= 0; i--) out.add(Integer.toString(st.calls.get(i).callLine()));
                if (!st.calls.isEmpty() && !st.commandString) out.add("0");
                return out;
            }
            case "BASH_ARGC" -> {
                if (!st.options.getShopt("extdebug")) return st.calls.isEmpty() ? java.util.List.of("0") : out;
                for (int i = st.calls.size() - 1; i >= 0; i--) out.add(Integer.toString(st.calls.get(i).args().size()));
                return out;
            }
            case "BASH_ARGV" -> {
                if (!st.options.getShopt("extdebug")) return out;
                for (int i = st.calls.size() - 1; i >= 0; i--) {
                    java.util.List<String> args = st.calls.get(i).args();
                    for (int k = args.size() - 1; k >= 0; k--) out.add(args.get(k));
                }
                return out;
            }
            case "DIRSTACK" -> {
                return Dirs.stack(sh);
            }
            case "SHELLOPTS", "BASHOPTS" -> {
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public boolean set(String name, String value) {
        ShellState st = sh.st;
        switch (name) {
            case "RANDOM" -> {
                try {
                    st.seedRandom(Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    st.seedRandom(0);
                }
                return true;
            }
            case "SECONDS" -> {
                st.secondsBase = Clock.now(sh);
                try {
                    st.secondsOffset = Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    st.secondsOffset = 0;
                }
                return true;
            }
            case "_" -> {
                st.lastArgument = value;
                return true;
            }
            case "GLOBIGNORE" -> {
                // bash turns dotglob on when GLOBIGNORE gets patterns, and leaves it on until GLOBIGNORE is unset
                // (shopt shows it); the value itself is stored as any other
                if (!value.isEmpty() && !st.dash) st.options.setShopt("dotglob", true);
                return false;
            }
            case "FUNCNAME", "BASH_SOURCE", "BASH_LINENO", "PIPESTATUS" -> {
                // bash ignores assignments to these while it maintains them
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
