package dev.syssim.kernel;

/** Entry point of {@code syssim-kernel.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.err.println("usage: java -jar syssim-kernel.jar CONNECTION_FILE | install [options]");
        System.exit(2);
    }
}
