package dev.syssim.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kernelspec directories by jupyter_core's rules. */
class KernelspecLocationTest {

    private static final Path HOME = Path.of("/home/student");

    private static Path resolve(Map<String, String> env, String os, String... args) throws IOException {
        return KernelspecLocation.resolve(InstallOptions.parse(List.of(args)), new Host(env, HOME, os));
    }

    @Test
    void userOnLinuxIsUnderLocalShareJupyter() throws IOException {
        assertEquals(Path.of("/home/student/.local/share/jupyter/kernels/syssim"), resolve(Map.of(), "Linux"));
    }

    @Test
    void userHonoursJupyterDataDir() throws IOException {
        assertEquals(Path.of("/data/jupyter/kernels/syssim"),
                resolve(Map.of("JUPYTER_DATA_DIR", "/data/jupyter"), "Linux", "--user"));
    }

    @Test
    void userHonoursXdgDataHome() throws IOException {
        assertEquals(Path.of("/xdg/jupyter/kernels/syssim"), resolve(Map.of("XDG_DATA_HOME", "/xdg"), "Linux"));
    }

    @Test
    void userOnMacIsUnderLibraryJupyter() throws IOException {
        assertEquals(Path.of("/home/student/Library/Jupyter/kernels/syssim"), resolve(Map.of(), "Mac OS X"));
    }

    @Test
    void sysPrefixIsTheActiveVirtualenv() throws IOException {
        assertEquals(Path.of("/work/.venv/share/jupyter/kernels/syssim"),
                resolve(Map.of("VIRTUAL_ENV", "/work/.venv"), "Linux", "--sys-prefix"));
    }

    @Test
    void prefixPutsTheSpecUnderShareJupyterKernelsWithItsName() throws IOException {
        assertEquals(Path.of("/opt/course/share/jupyter/kernels/lab"),
                resolve(Map.of(), "Linux", "--prefix", "/opt/course", "--name", "lab"));
    }
}
