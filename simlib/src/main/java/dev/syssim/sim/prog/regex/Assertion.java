package dev.syssim.sim.prog.regex;

/** The zero-width assertions: anchors and GNU's word and buffer operators. */
public enum Assertion {
    /** {@code ^}: the start of the subject (or just after a newline in multi-line mode). */
    LINE_START,
    /** {@code $}: the end of the subject (or just before a newline in multi-line mode). */
    LINE_END,
    /** {@code \`}: the start of the buffer, in every mode. */
    BUFFER_START,
    /** {@code \'}: the end of the buffer. */
    BUFFER_END,
    /** {@code \<}: a word character follows, none precedes. */
    WORD_START,
    /** {@code \>}: a word character precedes, none follows. */
    WORD_END,
    /** {@code \b}: word characters on exactly one side. */
    WORD_BOUNDARY,
    /** {@code \B}: the same kind of character on both sides. */
    NOT_WORD_BOUNDARY
}
