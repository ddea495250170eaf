package dev.syssim.sim.netfilter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way the oracle's recorder did ({@code shlex.split}, POSIX
 * mode): blanks separate, single quotes keep everything, double quotes keep all but backslash
 * escapes of {@code " \ $ `}, a backslash outside quotes escapes the next character.
 */
public final class ShellWords {

    private ShellWords() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                inWord = true;
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new IllegalArgumentException("unclosed quote: " + line);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                inWord = true;
                for (i++; i < line.length() && line.charAt(i) != '"'; i++) {
                    char d = line.charAt(i);
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) d = line.charAt(++i);
                    word.append(d);
                }
                if (i >= line.length()) throw new IllegalArgumentException("unclosed quote: " + line);
            } else if (c == '\\' && i + 1 < line.length()) {
                inWord = true;
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                inWord = true;
                word.append(c);
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }
}
