package dev.syssim.sim.prog.tools.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The byte strings the shared printf and test engines take (one char per byte), from and back to a tool's words. */
final class ByteWords {

    private ByteWords() {
    }

    static String of(String word) {
        return new String(word.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static List<String> of(List<String> words) {
        return words.stream().map(ByteWords::of).toList();
    }

    static byte[] bytes(String byteString) {
        return byteString.getBytes(StandardCharsets.ISO_8859_1);
    }
}
