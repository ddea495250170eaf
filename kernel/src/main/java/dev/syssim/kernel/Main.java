package dev.syssim.kernel;

import dev.syssim.kernel.eval.Language;
import dev.syssim.kernel.eval.SimInterpreter;
import dev.syssim.kernel.homework.HomeworkCommands;
import dev.syssim.kernel.install.Installer;
import dev.syssim.kernel.install.Training;
import dev.syssim.kernel.protocol.ConnectionInfo;
import dev.syssim.kernel.protocol.Kernel;
import dev.syssim.kernel.protocol.ParentProcess;
import dev.syssim.kernel.protocol.Signals;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Entry point of {@code syssim-kernel.jar}: {@code CONNECTION_FILE} runs the kernel (with
 * {@code --java}, the kernel whose cells are Java), {@code install} installs the kernelspecs,
 * {@code train [--java]} is the class-loading run the installer archives for fast start-up,
 * {@code assign} and {@code grade} are the homework workflow's commands.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar syssim-kernel.jar [--java] CONNECTION_FILE
                   java -jar syssim-kernel.jar install [--user | --sys-prefix | --prefix DIR]
                                                       [--name NAME] [--display-name NAME] [--no-cds]
                   java -jar syssim-kernel.jar install --help
                   java -jar syssim-kernel.jar assign SOURCE.ipynb... OUT_DIR
                   java -jar syssim-kernel.jar grade [--source SOURCE.ipynb] [--csv FILE] NOTEBOOK|DIR...
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("install")) {
            System.exit(Installer.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        } else if (args.length >= 1 && (args[0].equals("assign") || args[0].equals("grade"))) {
            System.exit(homework(args[0], Arrays.asList(args).subList(1, args.length)));
        } else if (args.length >= 1 && args[0].equals("train") && args.length <= 2) {
            Training.run(args.length == 2 && args[1].equals("--java") ? Language.JAVA : Language.SHELL, Main::startKernel);
            System.exit(0);
        } else if (args.length == 1 && !args[0].startsWith("-")) {
            System.exit(runKernel(Path.of(args[0]), Language.SHELL));
        } else if (args.length == 2 && args[0].equals("--java") && !args[1].startsWith("-")) {
            System.exit(runKernel(Path.of(args[1]), Language.JAVA));
        } else {
            boolean help = args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"));
            (help ? System.out : System.err).print(USAGE);
            System.exit(help ? 0 : 2);
        }
    }

    /** {@code assign} and {@code grade}: the homework workflow's commands. */
    private static int homework(String command, java.util.List<String> args) {
        return command.equals("assign") ? HomeworkCommands.assign(args, System.out, System.err)
                : HomeworkCommands.grade(args, System.out, System.err);
    }

    /** Serves until a shutdown request; returns the exit status (1: the kernel could not start). */
    private static int runKernel(Path connectionFile, Language language) throws InterruptedException {
        Kernel kernel;
        try {
            kernel = startKernel(connectionFile, language);
        } catch (IOException | RuntimeException e) {
            // E.g. a missing connection file or a port taken; say so where the Jupyter server logs it.
            System.err.println("syssim: cannot start the kernel: " + e.getMessage());
            return 1;
        }
        kernel.awaitShutdownRequest();
        kernel.close();
        return 0;
    }

    /**
     * Starts the SysSim kernel on a connection file, with SIGINT handling and an exit when the
     * launching process dies: what a Jupyter client's launch does, and what the class-data training
     * run repeats.
     */
    public static Kernel startKernel(Path connectionFile, Language language) throws IOException {
        // JeroMQ draws socket routing ids from a SecureRandom, whose first use initialises the JDK's
        // security providers (~20 ms). Starting that on the second core while this thread reads the
        // connection file and sets up ZeroMQ takes it off the path to the first reply.
        Thread warmup = new Thread(() -> new SecureRandom().nextInt(), "syssim-warmup");
        warmup.setDaemon(true);
        warmup.start();
        SimInterpreter interpreter = new SimInterpreter(language, SimInterpreter.javaAllowedBy(System.getenv()));
        Kernel kernel = Kernel.start(ConnectionInfo.read(connectionFile), interpreter);
        Signals.interruptInsteadOfExit(kernel::interrupt);
        ParentProcess.whenGone(() -> System.exit(0));
        return kernel;
    }
}
