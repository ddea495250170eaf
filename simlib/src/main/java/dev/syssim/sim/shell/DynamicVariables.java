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
                return st.currentCommand;
            default:
                return null;
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
            default -> {
                return false;
            }
        }
    }
}
