package dev.syssim.sim.netfilter.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * How iptables-restore splits a rule line into arguments ({@code add_param_to_argv}): blanks
 * separate, double quotes group (and may start mid-word), a backslash inside quotes takes the next
 * character as it is. Single quotes are ordinary characters.
 */
final class RestoreWords {

    private RestoreWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (quoted) {
                if (escaped) {
                    word.append(c);
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (any) words.add(word.toString());
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) words.add(word.toString());
        return words;
    }
}
