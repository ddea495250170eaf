package dev.syssim.sim.prog;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.os.Program;
import dev.syssim.sim.os.ProgramRegistry;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The programs a machine can run, by the name in their executables' ELF facts. A {@code %%program}
 * adds none: its code travels inside its executable file and runs on the program-language
 * interpreter registered here as {@code syssim-program}.
 */
public final class Binaries implements ProgramRegistry {

    private final Map<String, Program> programs = new TreeMap<>();

    public Binaries register(String name, Program program) {
        programs.put(name, program);
        return this;
    }

    @Override
    public Program find(String name) {
        return programs.get(name);
    }

    @Override
    public Program dynamicLoader(ExecImage image, Program main) {
        return new DynamicLoader(image, main);
    }

    public Map<String, Program> all() {
        return Collections.unmodifiableMap(programs);
    }
}
