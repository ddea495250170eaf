package dev.syssim.kernel.eval;

import java.util.Map;
import java.util.Optional;

/** A cell's front end with another way of reading input: {@link CellIO#withInput}. */
record InputReplacedIO(CellIO io, CellIO.Input reader) implements CellIO {

    @Override
    public void stream(String name, String text) {
        io.stream(name, text);
    }

    @Override
    public void display(Map<String, Object> data, Map<String, Object> metadata, String displayId, boolean update) {
        io.display(data, metadata, displayId, update);
    }

    @Override
    public void result(Map<String, Object> data, Map<String, Object> metadata) {
        io.result(data, metadata);
    }

    @Override
    public void page(String text) {
        io.page(text);
    }

    @Override
    public void clearOutput(boolean wait) {
        io.clearOutput(wait);
    }

    @Override
    public Optional<String> input(String prompt, boolean password) {
        return reader.read(prompt, password);
    }

    @Override
    public boolean stdinAllowed() {
        return io.stdinAllowed();
    }

    @Override
    public int executionCount() {
        return io.executionCount();
    }
}
