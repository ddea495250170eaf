package dev.syssim.kernel.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.kernel.eval.CellIO;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a Java cell's output reaches the front end: in order, and in the same messages every run where nobody watches. */
class CellChannelTest {

    /** The messages a cell sent, as "stream stdout: text" and "display ID". */
    private static final class Messages implements CellIO {
        final List<String> sent = new ArrayList<>();
        final boolean watched;

        Messages(boolean watched) {
            this.watched = watched;
        }

        @Override
        public synchronized void stream(String name, String text) {
            sent.add("stream " + name + ": " + text);
        }

        @Override
        public synchronized void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
            sent.add("display " + displayId);
        }

        @Override
        public void clearOutput(boolean wait) {
        }

        @Override
        public Optional<String> input(String prompt, boolean password) {
            return Optional.empty();
        }

        @Override
        public boolean stdinAllowed() {
            return watched;
        }

        synchronized List<String> sent() {
            return List.copyOf(sent);
        }
    }

    private static void print(CellChannel channel, String stream, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        channel.write(stream, bytes, 0, bytes.length);
    }

    @Test
    void headlessTheTextOfSeveralWritesIsOneMessageUpToTheNextDisplay() {
        Messages io = new Messages(false);
        CellChannel channel = new CellChannel(io, new Pump(), 1, 1_000_000);
        print(channel, "stdout", "one");
        print(channel, "stdout", "\n");
        print(channel, "stdout", "two\n");
        channel.display(Map.of(), Map.of(), "d1", false);
        print(channel, "stderr", "three\n");
        print(channel, "stdout", "four\n");
        channel.awaitSent();
        assertEquals(List.of("stream stdout: one\ntwo\n", "display d1", "stream stderr: three\n", "stream stdout: four\n"), io.sent());
    }

    @Test
    void headlessALongOutputIsCutWhereItPassesTheChunkSizeNotWhereThePumpHappensToBe() {
        Messages io = new Messages(false);
        CellChannel channel = new CellChannel(io, new Pump(), 1, 1_000_000);
        String forty = "x".repeat(40_000);
        print(channel, "stdout", forty);
        print(channel, "stdout", forty);
        print(channel, "stdout", "end\n");
        channel.awaitSent();
        assertEquals(List.of("stream stdout: " + forty + forty, "stream stdout: end\n"), io.sent());
    }

    @Test
    void liveEverythingArrivesInTheOrderItWasPrinted() {
        Messages io = new Messages(true);
        CellChannel channel = new CellChannel(io, new Pump(), 1, 1_000_000);
        for (int i = 0; i < 200; i++) {
            print(channel, "stdout", i + "\n");
            if (i % 50 == 0) channel.display(Map.of(), Map.of(), "d" + i, false);
        }
        channel.awaitSent();
        StringBuilder order = new StringBuilder();
        for (String m : io.sent()) order.append(m.startsWith("display") ? "[" + m.substring("display ".length()) + "]" : m.substring("stream stdout: ".length()));
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) expected.append(i).append('\n').append(i % 50 == 0 ? "[d" + i + "]" : "");
        assertEquals(expected.toString(), order.toString());
    }

    @Test
    void pastTheOutputLimitTheRestIsDroppedAndTheCellSaysSoOnce() {
        Messages io = new Messages(false);
        CellChannel channel = new CellChannel(io, new Pump(), 1, 10);
        print(channel, "stdout", "12345\n");
        print(channel, "stdout", "67890\n");
        print(channel, "stdout", "more\n");
        channel.awaitSent();
        assertEquals(List.of("stream stdout: 12345\n", "stream stderr: \n[output limit: the cell wrote more than 10 bytes; the rest is not shown]\n"),
                io.sent());
    }

    @Test
    void afterTheCellEndsTextIsSentUntilTheNextCellBegins() {
        Messages io = new Messages(false);
        CellChannel channel = new CellChannel(io, new Pump(), 1, 1_000_000);
        channel.end();
        print(channel, "stdout", "late\n");
        channel.awaitSent();
        channel.close();
        print(channel, "stdout", "too late\n");
        channel.awaitSent();
        assertEquals(List.of("stream stdout: late\n"), io.sent());
    }
}
