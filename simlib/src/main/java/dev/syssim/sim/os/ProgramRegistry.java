package dev.syssim.sim.os;

/** Finds the code of a program named in an executable's ELF facts (e.g. {@code cat}). */
public interface ProgramRegistry {

    /** The program, or null when the name is unknown (exec then fails with ENOEXEC). */
    Program find(String name);

    /**
     * What runs first in a dynamically linked program: the ELF interpreter (ld.so), which loads the
     * needed libraries in user space and then jumps to {@code main}'s entry.
     */
    Program dynamicLoader(dev.syssim.sim.fs.ExecImage image, Program main);
}
