package dev.syssim.kernel.eval;

/**
 * One magic: its name, whether it is a line ({@code %name args}) or cell ({@code %%name args} + body)
 * magic, its usage line and help, and what it does.
 */
record Magic(String name, boolean cell, String usage, String help, Handler handler) {

    /** What a magic does with its arguments (and body, for a cell magic). */
    interface Handler {
        ExecuteOutcome run(String arguments, String body, CellIO io);
    }

    String prefix() {
        return cell ? "%%" : "%";
    }
}
