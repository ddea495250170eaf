package dev.syssim.sim.os;

/**
 * What a syscall returns to user space: a value (negative means {@code -errno}, as in the kernel)
 * and, for calls that fill a user buffer, the data placed in the process's memory.
 */
public record SysResult(long value, Object data) {

    public static final SysResult ZERO = new SysResult(0, null);

    public static SysResult ok(long value) {
        return value == 0 ? ZERO : new SysResult(value, null);
    }

    public static SysResult ok(long value, Object data) {
        return new SysResult(value, data);
    }

    public static SysResult error(Errno errno) {
        return new SysResult(-errno.number(), null);
    }

    public boolean failed() {
        return value < 0;
    }

    public Errno errno() {
        if (!failed()) throw new IllegalStateException("syscall succeeded: " + value);
        return Errno.of((int) -value);
    }

    public int intValue() {
        return (int) value;
    }

    /** The bytes a read-like call placed in the process's memory. */
    public byte[] bytes() {
        return data instanceof byte[] b ? b : new byte[0];
    }

    public <T> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
