package dev.syssim.sim.prog.tools.text;

/** What {@code --version} prints for a GNU coreutils 9.1 program (Debian 12's). */
final class CoreutilsVersion {

    private CoreutilsVersion() {
    }

    static String of(String program, String authors) {
        return program + " (GNU coreutils) 9.1\n"
                + "Copyright (C) 2022 Free Software Foundation, Inc.\n"
                + "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
                + "This is free software: you are free to change and redistribute it.\n"
                + "There is NO WARRANTY, to the extent permitted by law.\n\n"
                + "Written by " + authors + ".\n";
    }
}
