package dev.syssim.kernel.homework;

/** One line of a check as it came out, with what was seen when it was not met or could not be judged. */
public record LineResult(Expectation expectation, LineStatus status, String seen) {

    public static LineResult passed(Expectation e) {
        return new LineResult(e, LineStatus.PASSED, "");
    }

    public static LineResult failed(Expectation e, String seen) {
        return new LineResult(e, LineStatus.FAILED, seen);
    }

    public static LineResult broken(Expectation e, String problem) {
        return new LineResult(e, LineStatus.BROKEN, problem);
    }
}
