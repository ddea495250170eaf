package dev.syssim.kernel.java;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text across chunks: a UTF-8 sequence split between two writes is kept until it is whole. */
final class Utf8Text {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** The text the bytes so far complete; an unfinished sequence at the end waits for the next call. */
    String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
        in.put(pending).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        return out.flip().toString();
    }

    /** What is left, with an unfinished sequence shown as U+FFFD. */
    String finish() {
        CharBuffer out = CharBuffer.allocate(pending.remaining() + 2);
        decoder.decode(pending, out, true);
        decoder.flush(out);
        decoder.reset();
        pending = ByteBuffer.allocate(0);
        return out.flip().toString();
    }
}
