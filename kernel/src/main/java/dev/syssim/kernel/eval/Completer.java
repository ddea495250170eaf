package dev.syssim.kernel.eval;

import dev.syssim.sim.shell.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tab completion: magics at the start of a line, commands in command position (builtins and the
 * machine's PATH), host names after network tools, and paths of the simulated file system elsewhere.
 */
final class Completer {

    private static final Set<String> NETWORK_TOOLS = Set.of("ssh", "ping", "nc", "curl", "nmap", "telnet", "scp", "host");
    private static final String BREAKS = " \t\n;|&<>()";

    private final Magics magics;
    private final Lookups lookups;

    Completer(Magics magics, Lookups lookups) {
        this.magics = magics;
        this.lookups = lookups;
    }

    Completion complete(String code, int cursor) {
        int pos = Math.max(0, Math.min(cursor, code.length()));
        int start = pos;
        while (start > 0 && BREAKS.indexOf(code.charAt(start - 1)) < 0) start--;
        String token = code.substring(start, pos);
        int lineStart = code.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        if (start > 0 && code.charAt(start - 1) == '\n') lineStart = start;
        String before = code.substring(lineStart, start);
        List<String> matches = new ArrayList<>();
        if (token.startsWith("%") && before.isBlank()) {
            boolean firstLine = lineStart == 0;
            for (Magic m : magics.lineMagics()) if (("%" + m.name()).startsWith(token)) matches.add("%" + m.name());
            if (firstLine) for (Magic m : magics.cellMagics()) if (("%%" + m.name()).startsWith(token)) matches.add("%%" + m.name());
            return new Completion(matches, start, pos);
        }
        String previous = previousWord(before);
        if (isCommandPosition(before) && !token.contains("/")) {
            for (String builtin : BUILTINS) if (builtin.startsWith(token)) matches.add(builtin);
            for (String command : lookups.commands()) if (command.startsWith(token) && !matches.contains(command)) matches.add(command);
            matches.sort(null);
            return new Completion(matches, start, pos);
        }
        if (NETWORK_TOOLS.contains(previous) || token.contains("@")) {
            int at = token.indexOf('@');
            String user = at < 0 ? "" : token.substring(0, at + 1);
            String host = token.substring(at + 1);
            for (String h : lookups.hosts()) if (h.startsWith(host)) matches.add(user + h);
            if (!matches.isEmpty()) return new Completion(matches, start, pos);
        }
        int slash = token.lastIndexOf('/');
        String dir = slash < 0 ? "" : token.substring(0, slash + 1);
        String prefix = token.substring(slash + 1);
        String lookIn = dir.startsWith("~") ? home() + dir.substring(1) : dir;
        boolean dirsOnly = previous.equals("cd");
        for (String entry : lookups.entries(lookIn, prefix, dirsOnly)) matches.add(dir + entry);
        return new Completion(matches, start, pos);
    }

    private String home() {
        return "/home/student";
    }

    private static String previousWord(String before) {
        String[] words = before.strip().split("\\s+");
        return words.length == 0 ? "" : words[words.length - 1];
    }

    private static boolean isCommandPosition(String before) {
        String b = before.stripTrailing();
        if (b.isEmpty()) return true;
        char last = b.charAt(b.length() - 1);
        if (";|&(".indexOf(last) >= 0) return true;
        String[] words = b.split("\\s+");
        String w = words[words.length - 1];
        return Set.of("sudo", "then", "do", "else", "time", "strace", "taskset", "!").contains(w) && Parser.isComplete(b).equals("complete")
                || Set.of("sudo", "then", "do", "else", "!").contains(w);
    }

    static final List<String> BUILTINS = List.of("cd", "echo", "exit", "export", "help", "jobs", "kill", "printf", "pwd",
            "read", "source", "test", "type", "umask", "unset", "wait");
}
