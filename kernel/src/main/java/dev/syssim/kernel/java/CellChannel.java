package dev.syssim.kernel.java;

import dev.syssim.kernel.eval.CellIO;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

/**
 * One Java cell's way out: what its threads print, display and ask for is queued here and sent
 * by the {@link Pump}, in order, to the cell's front end. Output of threads the cell started is
 * shown until the next cell begins ({@link #close()}); input can only be asked while the cell
 * runs. Beyond the notebook's output limit, printing is dropped, and the cell says so once.
 *
 * <p>Where a person watches (the front end allows input, as JupyterLab does), printed text is sent
 * as soon as the pump gets to it. A notebook run headless (nbconvert) saves each stream message
 * as an output of its own, so there text is sent only at points the cell's code decides (a
 * display, an input request, the cell's end, every {@value #HEADLESS_CHUNK} bytes): the same
 * notebook then saves the same outputs however the threads were scheduled.
 */
final class CellChannel {

    /** Where the cell is in its life. */
    enum State { RUNNING, ENDED, CLOSED }

    private record Chunk(String stream, StringBuilder text) {
    }

    /** Bytes of printed text a headless run gathers before sending them. */
    static final int HEADLESS_CHUNK = 65536;

    private final CellIO io;
    private final Pump pump;
    private final int number;
    private final long outputLimit;
    private final boolean live;
    private volatile State state = State.RUNNING;

    private final Object lock = new Object();
    private final List<Chunk> chunks = new ArrayList<>();
    private final Map<String, Utf8Text> decoders = new HashMap<>();
    private boolean flushQueued;
    /** Counts seals: a flush queued before a seal must not send text printed after it (it would overtake the seal's batch). */
    private long seals;
    private long pendingBytes;
    private long outputBytes;
    private boolean truncated;
    private int displays;

    private final Object inputLock = new Object();
    private byte[] line = new byte[0];
    private int linePosition;

    /**
     * @param number      the cell's number among Java cells (display ids are made of it)
     * @param outputLimit bytes of output shown before the rest is dropped
     */
    CellChannel(CellIO io, Pump pump, int number, long outputLimit) {
        this.io = io;
        this.pump = pump;
        this.number = number;
        this.outputLimit = outputLimit;
        this.live = io.stdinAllowed();
    }

    State state() {
        return state;
    }

    // ---- output ----

    /** Bytes written to {@code System.out} or {@code System.err} ({@code stream} is stdout or stderr). */
    void write(String stream, byte[] bytes, int offset, int length) {
        if (state == State.CLOSED || length == 0) return;
        byte[] data = new byte[length];
        System.arraycopy(bytes, offset, data, 0, length);
        synchronized (lock) {
            append(stream, decoders.computeIfAbsent(stream, s -> new Utf8Text()).decode(data), length);
        }
    }

    /** Text for a stream (the simulated terminal's output). */
    void text(String stream, String text) {
        if (state == State.CLOSED || text.isEmpty()) return;
        synchronized (lock) {
            append(stream, text, text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private void append(String stream, String text, int bytes) {
        if (truncated) return;
        outputBytes += bytes;
        if (outputBytes > outputLimit) {
            truncated = true;
            text = "\n[output limit: the cell wrote more than " + outputLimit + " bytes; the rest is not shown]\n";
            stream = "stderr";
        }
        Chunk last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (last != null && last.stream().equals(stream)) last.text().append(text);
        else chunks.add(new Chunk(stream, new StringBuilder(text)));
        pendingBytes += bytes;
        if (!live && state == State.RUNNING) {
            if (pendingBytes >= HEADLESS_CHUNK) seal();
        } else if (!flushQueued) {
            queueFlush();
        }
    }

    private void queueFlush() {
        flushQueued = true;
        long sealsNow = seals;
        pump.submit(() -> flush(sealsNow));
    }

    /**
     * On the pump: sends what has been printed since the last flush (a live front end's way). A
     * flush overtaken by a seal queues itself again, behind what the seal queued.
     */
    private void flush(long sealsWhenQueued) {
        List<Chunk> taken;
        synchronized (lock) {
            if (seals != sealsWhenQueued) {
                flushQueued = false;
                if (!chunks.isEmpty()) queueFlush();
                return;
            }
            taken = new ArrayList<>(chunks);
            chunks.clear();
            flushQueued = false;
            pendingBytes = 0;
        }
        send(taken);
    }

    /** Under the lock, on the writing thread: what was printed so far is one batch, sent in order. */
    private void seal() {
        seals++;
        if (chunks.isEmpty()) return;
        List<Chunk> batch = new ArrayList<>(chunks);
        chunks.clear();
        pendingBytes = 0;
        pump.submit(() -> send(batch));
    }

    private void send(List<Chunk> batch) {
        if (state == State.CLOSED) return;
        for (Chunk c : batch) io.stream(c.stream(), c.text().toString());
    }

    /** Queues {@code action} behind everything printed so far. */
    private void afterOutput(Runnable action) {
        synchronized (lock) {
            seal();
            pump.submit(() -> {
                if (state != State.CLOSED) action.run();
            });
        }
    }

    void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
        if (state == State.CLOSED) return;
        afterOutput(() -> io.display(data, metadata, displayId, update));
    }

    void clearOutput(boolean wait) {
        afterOutput(() -> io.clearOutput(wait));
    }

    void page(String text) {
        if (state != State.RUNNING) return;
        afterOutput(() -> io.page(text));
    }

    /** A fresh display id, the same in every run of the notebook: {@code syssim-java-3-1}. */
    String nextDisplayId() {
        synchronized (lock) {
            return "syssim-java-" + number + "-" + (++displays);
        }
    }

    // ---- input ----

    boolean inputAllowed() {
        return state == State.RUNNING && io.stdinAllowed();
    }

    /** A line typed into the front end's input box, or empty (end of input) when none can be asked. */
    Optional<String> input(String prompt, boolean password) {
        if (!inputAllowed()) return Optional.empty();
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        afterOutput(() -> answer.complete(state == State.RUNNING ? io.input(prompt, password) : Optional.empty()));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** {@code System.in.read}: the rest of the last line typed, or a new one asked for; -1 at end of input. */
    int read(byte[] into, int offset, int length) {
        if (length == 0) return 0;
        synchronized (inputLock) {
            if (linePosition >= line.length) {
                Optional<String> typed = input("", false);
                if (typed.isEmpty()) return -1;
                line = (typed.get() + "\n").getBytes(StandardCharsets.UTF_8);
                linePosition = 0;
            }
            int n = Math.min(length, line.length - linePosition);
            System.arraycopy(line, linePosition, into, offset, n);
            linePosition += n;
            return n;
        }
    }

    // ---- the cell's life ----

    /** Called by the kernel: returns once everything queued so far has been sent. */
    void awaitSent() {
        CountDownLatch sent = new CountDownLatch(1);
        synchronized (lock) {
            seal();
            pump.submit(sent::countDown);
        }
        try {
            sent.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The cell's code is done; what its threads print is still shown, as soon as they print it. */
    void end() {
        synchronized (lock) {
            if (state == State.RUNNING) state = State.ENDED;
            seal();
        }
    }

    /** The next cell begins: from now on this cell's threads print into nothing. */
    void close() {
        state = State.CLOSED;
    }

    /** This channel as a {@link CellIO}, for the simulated terminal while the cell runs. */
    CellIO asCellIO() {
        return new CellIO() {
            @Override
            public void stream(String name, String text) {
                text(name, text);
            }

            @Override
            public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
                CellChannel.this.display(data, metadata, displayId, update);
            }

            @Override
            public void page(String text) {
                CellChannel.this.page(text);
            }

            @Override
            public void clearOutput(boolean wait) {
                CellChannel.this.clearOutput(wait);
            }

            @Override
            public Optional<String> input(String prompt, boolean password) {
                return CellChannel.this.input(prompt, password);
            }

            @Override
            public boolean stdinAllowed() {
                return inputAllowed();
            }
        };
    }
}
