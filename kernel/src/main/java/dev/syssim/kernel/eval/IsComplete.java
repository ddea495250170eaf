package dev.syssim.kernel.eval;

/** The answer to {@code is_complete_request}: status, and for {@code incomplete} the indent to use. */
public record IsComplete(String status, String indent) {

    public static final IsComplete COMPLETE = new IsComplete("complete", "");
    public static final IsComplete INVALID = new IsComplete("invalid", "");

    public static IsComplete incomplete(String indent) {
        return new IsComplete("incomplete", indent);
    }
}
