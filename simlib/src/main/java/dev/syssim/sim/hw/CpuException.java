package dev.syssim.sim.hw;

/** The CPU exceptions the simulation raises, with their x86 vector numbers and mnemonics. */
public enum CpuException {
    DIVIDE_ERROR(0, "#DE", "divide error"),
    INVALID_OPCODE(6, "#UD", "invalid opcode"),
    GENERAL_PROTECTION(13, "#GP", "general protection fault"),
    PAGE_FAULT(14, "#PF", "page fault");

    private final int vector;
    private final String mnemonic;
    private final String description;

    CpuException(int vector, String mnemonic, String description) {
        this.vector = vector;
        this.mnemonic = mnemonic;
        this.description = description;
    }

    public int vector() {
        return vector;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public String description() {
        return description;
    }
}
