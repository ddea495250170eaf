package dev.syssim.sim.prog.tools.editors.awk;

/**
 * The bytes read so far from one input (a file, a pipe from a command, standard input) and the
 * records cut from them by RS: a newline or another single character, a blank line (RS = ""), or a
 * regular expression (a longer RS, gawk's extension). A record is returned only when its end is
 * certain: its terminator was read, or the input ended.
 */
final class InputBuffer {

    /** How records end, from RS. */
    record Separator(int kind, char ch, AwkRegex regex) {
        static final int CHAR = 0;
        static final int PARAGRAPH = 1;
        static final int REGEX = 2;
    }

    /** A record and the text that ended it (RT). */
    record Scan(String record, String terminator) {
    }

    /** More bytes are needed before a record can be returned. */
    static final Scan NEED_MORE = new Scan(null, null);
    /** The input is over: no more records. */
    static final Scan END = new Scan(null, null);

    private byte[] data = new byte[0];
    private int start;
    private int end;
    private boolean eof;
    /** For a regex RS: how far a search found no terminator, so a longer input is searched from there. */
    private boolean paragraphStarted;

    void append(byte[] bytes) {
        if (bytes.length == 0) return;
        if (end + bytes.length > data.length) {
            int live = end - start;
            byte[] grown = new byte[Math.max(live + bytes.length, Math.max(4096, data.length * 2))];
            System.arraycopy(data, start, grown, 0, live);
            data = grown;
            end = live;
            start = 0;
        }
        System.arraycopy(bytes, 0, data, end, bytes.length);
        end += bytes.length;
    }

    /** Drops what was read and not yet used (gawk frees an input's buffer when it is done with it). */
    void discard() {
        start = end;
        paragraphStarted = false;
    }

    void endOfInput() {
        eof = true;
    }

    boolean atEnd() {
        return eof;
    }

    /** The next record, {@link #NEED_MORE} or {@link #END}. */
    Scan next(Separator sep) {
        switch (sep.kind()) {
            case Separator.CHAR:
                return byChar(sep.ch());
            case Separator.PARAGRAPH:
                return paragraph();
            default:
                return byRegex(sep.regex());
        }
    }

    private Scan byChar(char ch) {
        byte b = (byte) ch;
        for (int i = start; i < end; i++) {
            if (data[i] == b) {
                String rec = Bytes.of(data, start, i - start);
                start = i + 1;
                return new Scan(rec, String.valueOf(ch));
            }
        }
        return rest();
    }

    /** What is left at the end of the input: a last record without terminator, or nothing. */
    private Scan rest() {
        if (!eof) return NEED_MORE;
        if (start >= end) return END;
        String rec = Bytes.of(data, start, end - start);
        start = end;
        return new Scan(rec, "");
    }

    private Scan paragraph() {
        if (!paragraphStarted) {
            // leading newlines of the input (and after each record's terminator) are skipped
            while (start < end && data[start] == '\n') start++;
            if (start >= end) return eof ? END : NEED_MORE;
            paragraphStarted = true;
        }
        for (int i = start; i < end - 1; i++) {
            if (data[i] == '\n' && data[i + 1] == '\n') {
                int j = i;
                while (j < end && data[j] == '\n') j++;
                if (j == end && !eof) return NEED_MORE;
                String rec = Bytes.of(data, start, i - start);
                String rt = Bytes.of(data, i, j - i);
                start = j;
                paragraphStarted = false;
                return new Scan(rec, rt);
            }
        }
        if (!eof) return NEED_MORE;
        if (start >= end) return END;
        int stop = end;
        while (stop > start && data[stop - 1] == '\n') stop--;
        String rec = Bytes.of(data, start, stop - start);
        String rt = Bytes.of(data, stop, end - stop);
        start = end;
        paragraphStarted = false;
        return new Scan(rec, rt);
    }

    /** Whether a record was taken already: ^ in a regex RS then no longer matches (gawk: only at the input's start). */
    private boolean pastStart;

    private Scan byRegex(AwkRegex re) {
        if (start >= end) return eof ? END : NEED_MORE;
        int from = start;
        while (from <= end) {
            int[] m = re.search(data, start, end, from, pastStart);
            if (m == null) break;
            if (m[1] == m[0]) {
                from = m[0] + 1;
                continue;
            }
            if (m[1] == end && !eof) return NEED_MORE;
            String rec = Bytes.of(data, start, m[0] - start);
            String rt = Bytes.of(data, m[0], m[1] - m[0]);
            start = m[1];
            pastStart = true;
            return new Scan(rec, rt);
        }
        return rest();
    }
}
