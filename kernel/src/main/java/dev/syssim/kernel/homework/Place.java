package dev.syssim.kernel.homework;

/**
 * Where an expectation looks: a machine and a user on it. A null machine means where the check
 * stands (the scenario's first login, or where a {@code %machine} line of the check moved it); a
 * null user on a named machine means root, as {@code %machine NAME} does.
 */
public record Place(String machine, String user) {

    public static final Place HERE = new Place(null, null);

    public boolean here() {
        return machine == null;
    }
}
