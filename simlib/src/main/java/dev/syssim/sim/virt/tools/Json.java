package dev.syssim.sim.virt.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flat JSON objects libvirt passes QEMU ({@code -blockdev {"driver":"file",...}}, {@code -device
 * {...}}): strings, numbers, booleans and null as text; nested objects are skipped.
 */
final class Json {

    private Json() {
    }

    static Map<String, String> object(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = text.indexOf('{') + 1;
        while (i > 0 && i < text.length()) {
            i = skipSpace(text, i);
            if (i >= text.length() || text.charAt(i) == '}') break;
            if (text.charAt(i) == ',') {
                i++;
                continue;
            }
            int[] end = new int[1];
            String key = string(text, i, end);
            i = skipSpace(text, end[0]);
            if (i < text.length() && text.charAt(i) == ':') i++;
            i = skipSpace(text, i);
            if (i >= text.length()) break;
            char c = text.charAt(i);
            if (c == '"') {
                out.put(key, string(text, i, end));
                i = end[0];
            } else if (c == '{') {
                int depth = 0;
                do {
                    if (text.charAt(i) == '{') depth++;
                    if (text.charAt(i) == '}') depth--;
                    i++;
                } while (i < text.length() && depth > 0);
            } else {
                int start = i;
                while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '}') i++;
                out.put(key, text.substring(start, i).strip());
            }
        }
        return out;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    private static String string(String text, int at, int[] end) {
        StringBuilder b = new StringBuilder();
        int i = at + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) c = text.charAt(++i);
            b.append(c);
            i++;
        }
        end[0] = i + 1;
        return b.toString();
    }
}
