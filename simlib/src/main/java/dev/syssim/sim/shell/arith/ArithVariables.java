package dev.syssim.sim.shell.arith;

/**
 * The shell variables an arithmetic expression reads and assigns, implemented by the interpreter's
 * variable store. Names and values are byte strings. The engine applies bash's array rules itself
 * (negative subscripts count from the end, {@code a[@]} is a bad subscript, an assignment by a
 * subscript's text re-evaluates it); the store only keeps values.
 */
public interface ArithVariables {

    /** A scalar's value, or element 0 (key "0") of an array; null if unset or without a value. */
    String value(String name);

    /** Whether {@code name} is set, for {@code set -u}: false if unset or only declared. */
    boolean isSet(String name);

    /** Whether {@code name} is an associative array. */
    boolean isAssociative(String name);

    /** Whether {@code name} is an indexed array. */
    boolean isIndexedArray(String name);

    /** The greatest index set in the indexed array {@code name}, or -1 if it has none. */
    long maxIndex(String name);

    /** Element {@code index} (at least 0) of an indexed array; of a scalar, index 0 is its value. */
    String element(String name, long index);

    /** The element of associative array {@code name} at {@code key}, or null. */
    String element(String name, String key);

    /**
     * Assigns a scalar (or element 0 of an array).
     *
     * @return null, or the message bash prints, e.g. {@code r: readonly variable}
     */
    String assign(String name, String value);

    /** Assigns element {@code index} (at least 0), making an unset or scalar variable an indexed array. */
    String assignElement(String name, long index, String value);

    /** Assigns the element at {@code key} of an associative array. */
    String assignElement(String name, String key, String value);

    /**
     * An array subscript's text expanded once more, as bash expands it before use: parameter and
     * command substitution and quote removal ({@code a["1"]} is {@code a[1]}) — the interpreter's
     * word expansion, with double-quote rules for an indexed array's subscript (then evaluated as
     * arithmetic) and for an associative array's key.
     */
    String expandSubscript(String text, boolean associative);

    /** Whether {@code set -u} (nounset) is on. */
    boolean nounset();
}
