package dev.syssim.sim.world;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.os.Credentials;
import dev.syssim.sim.os.Kernel;
import dev.syssim.sim.prog.lang.Interpreter;
import dev.syssim.sim.prog.lang.Source;

/**
 * Installs a {@code %%program} on a machine: checked, then written as a static executable to
 * {@code /usr/local/bin/NAME} (on the PATH of every user), owned by the user who wrote it. Like a
 * compiler plus {@code install}, this happens outside the simulated time of any process.
 */
public final class UserPrograms {

    /** Where installed programs go. */
    public static final String DIRECTORY = "/usr/local/bin";

    private UserPrograms() {
    }

    /**
     * @return the installed path
     * @throws Source.Error if the program text has a mistake (the message names the line)
     * @throws IllegalArgumentException if the name is not a plain file name
     */
    public static String install(Machine machine, String name, String source, int ownerUid, int ownerGid) throws Source.Error {
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.+-]*")) throw new IllegalArgumentException("not a program name: '" + name + "'");
        Source.parse(source);
        Kernel kernel = machine.kernel();
        PathWalker.Result dir = PathWalker.resolve(new RootView(kernel), DIRECTORY, true);
        if (!dir.ok()) throw new IllegalStateException(DIRECTORY + " is missing on " + machine.name());
        FileSystem fs = dir.location().mount().fs();
        Inode directory = dir.inode();
        if (fs.lookup(new RootView(kernel), directory, name) != null) fs.unlink(directory, name);
        ExecImage image = new ExecImage(Interpreter.PROGRAM, null, java.util.List.of(), 120, source);
        Inode file = fs.createFile(directory, name, 0755, ownerUid, ownerGid, image.toBytes());
        file.setCached(true);
        file.setMtime(kernel.now());
        return DIRECTORY + "/" + name;
    }
}
