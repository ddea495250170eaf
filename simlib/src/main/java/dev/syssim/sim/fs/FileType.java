package dev.syssim.sim.fs;

/** The type bits of {@code st_mode}, with the letter {@code ls -l} prints. */
public enum FileType {
    REGULAR('-', 0100000, "regular file"),
    DIRECTORY('d', 0040000, "directory"),
    SYMLINK('l', 0120000, "symbolic link"),
    CHAR_DEVICE('c', 0020000, "character special file"),
    BLOCK_DEVICE('b', 0060000, "block special file"),
    FIFO('p', 0010000, "fifo"),
    SOCKET('s', 0140000, "socket");

    private final char letter;
    private final int modeBits;
    private final String description;

    FileType(char letter, int modeBits, String description) {
        this.letter = letter;
        this.modeBits = modeBits;
        this.description = description;
    }

    public char letter() {
        return letter;
    }

    public int modeBits() {
        return modeBits;
    }

    /** What {@code stat(1)} calls it. */
    public String description() {
        return description;
    }

    /** getdents64's d_type value. */
    public int direntType() {
        return switch (this) {
            case FIFO -> 1;
            case CHAR_DEVICE -> 2;
            case DIRECTORY -> 4;
            case BLOCK_DEVICE -> 6;
            case REGULAR -> 8;
            case SYMLINK -> 10;
            case SOCKET -> 12;
        };
    }
}
