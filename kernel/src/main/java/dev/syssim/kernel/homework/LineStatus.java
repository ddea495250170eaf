package dev.syssim.kernel.homework;

/** How one line of a check came out: met, not met (the answer's fault), or broken (the check's fault). */
public enum LineStatus {
    PASSED, FAILED, BROKEN
}
