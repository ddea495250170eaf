package dev.syssim.sim.prog.tools.isolation;

/** The texts GNU coreutils 9.1 tools share: {@code --version}. */
final class CoreutilsText {

    private CoreutilsText() {
    }

    static String version(String program) {
        return program + " (GNU coreutils) 9.1\n"
                + "Copyright (C) 2022 Free Software Foundation, Inc.\n"
                + "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
                + "This is free software: you are free to change and redistribute it.\n"
                + "There is NO WARRANTY, to the extent permitted by law.\n\n"
                + "Written by Roland McGrath.\n";
    }
}
