package dev.syssim.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** History queries as IPython answers them, on the kernel's one in-memory session. */
class HistoryStoreTest {

    private final HistoryStore store = new HistoryStore();

    @BeforeEach
    void storeFourCells() {
        store.add(1, "echo a");
        store.add(2, "ls");
        store.add(3, "echo a");
        store.add(5, "echo b");
    }

    private static List<Integer> lines(List<HistoryStore.Entry> entries) {
        return entries.stream().map(HistoryStore.Entry::line).toList();
    }

    @Test
    void tailGivesTheLastNOldestFirst() {
        assertEquals(List.of(3, 5), lines(store.tail(2)));
        assertEquals(List.of(1, 2, 3, 5), lines(store.tail(10)));
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertEquals(List.of(2, 3), lines(store.range(HistoryStore.SESSION, 2, 4)));
    }

    @Test
    void rangeWithoutStopRunsToTheEnd() {
        assertEquals(List.of(3, 5), lines(store.range(0, 3, 0)));
    }

    @Test
    void rangeOfAnEarlierSessionIsEmpty() {
        assertEquals(List.of(), store.range(-1, 1, 0));
        assertEquals(List.of(), store.range(7, 1, 0));
    }

    @Test
    void searchMatchesGlobsOverWholeInputs() {
        assertEquals(List.of(1, 3, 5), lines(store.search("echo *", 0, false)));
    }

    @Test
    void uniqueSearchKeepsTheLatestOfEqualInputs() {
        assertEquals(List.of(3, 5), lines(store.search("echo *", 0, true)));
    }

    @Test
    void searchWithNKeepsTheLastN() {
        assertEquals(List.of(5), lines(store.search("echo *", 1, false)));
    }

    @Test
    void recordedOutputBelongsToItsLine() {
        store.recordOutput(3, "a");
        assertEquals("a", store.range(0, 3, 4).get(0).output());
        assertEquals(null, store.range(0, 1, 2).get(0).output());
    }
}
