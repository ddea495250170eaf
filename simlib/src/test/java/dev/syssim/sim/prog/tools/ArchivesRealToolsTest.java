package dev.syssim.sim.prog.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syssim.sim.fs.Inode;
import dev.syssim.sim.fs.PathWalker;
import dev.syssim.sim.world.RootView;
import dev.syssim.sim.world.Terminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives made in the simulation are real ones: their bytes, written out to this machine, pass
 * the real gzip's test and unpack with the real gunzip and tar; and the real gzip's output unpacks in
 * the simulation. Skipped (with the reason) where the real tools are not installed.
 */
class ArchivesRealToolsTest {

    @TempDir
    Path dir;

    private static boolean installed(String tool) {
        for (String d : List.of("/usr/bin", "/bin")) if (Files.isExecutable(Path.of(d, tool))) return true;
        return false;
    }

    private static byte[] bytesOf(Terminal.Fixture f, String path) {
        Inode inode = PathWalker.resolve(new RootView(f.laptop().kernel()), path, true).inode();
        return inode.fs().contentOf(inode);
    }

    private String real(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    @Test
    void aGzipFileMadeInTheSimulationPassesTheRealGzipTestAndUnpacks() throws Exception {
        assumeTrue(installed("gzip"), "the real gzip is not installed");
        Terminal.Fixture f = Terminal.laptop();
        f.run("cd /tmp; head -c 20000 /etc/services > s; cat s s s > x; gzip -9 x; gzip -c s > s.gz");
        Files.write(dir.resolve("x.gz"), bytesOf(f, "/tmp/x.gz"));
        real("gzip", "-t", "x.gz");
        real("gunzip", "x.gz");
        byte[] services = bytesOf(f, "/tmp/s");
        byte[] triple = new byte[services.length * 3];
        for (int i = 0; i < 3; i++) System.arraycopy(services, 0, triple, i * services.length, services.length);
        assertArrayEquals(triple, Files.readAllBytes(dir.resolve("x")));
    }

    @Test
    void theSimulationsGzipBytesAreTheRealGzipsBytes() throws Exception {
        assumeTrue(installed("gzip"), "the real gzip is not installed");
        Terminal.Fixture f = Terminal.laptop();
        f.run("cd /tmp; cp /etc/services s; gzip -n -c s > s.gz");
        Files.write(dir.resolve("s"), bytesOf(f, "/tmp/s"));
        Process p = new ProcessBuilder("gzip", "-n", "-c", "s").directory(dir.toFile()).start();
        byte[] expected = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertArrayEquals(expected, bytesOf(f, "/tmp/s.gz"));
    }

    @Test
    void aGzippedTarMadeInTheSimulationListsAndExtractsWithTheRealTar() throws Exception {
        assumeTrue(installed("tar") && installed("gzip"), "the real tar or gzip is not installed");
        Terminal.Fixture f = Terminal.laptop();
        f.run("cd /tmp; mkdir -p d/e; printf 'hello\\n' > d/a.txt; printf x > d/e/b; ln -s a.txt d/l; chmod 750 d/e/b;"
                + " tar czf a.tgz --sort=name d");
        Files.write(dir.resolve("a.tgz"), bytesOf(f, "/tmp/a.tgz"));
        assertEquals("d/\nd/a.txt\nd/e/\nd/e/b\nd/l\n", real("tar", "tzf", "a.tgz"));
        real("tar", "xzf", "a.tgz");
        assertEquals("hello\n", Files.readString(dir.resolve("d/a.txt")));
        assertEquals("a.txt", Files.readSymbolicLink(dir.resolve("d/l")).toString());
        assertEquals("rwxr-x---", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("d/e/b"))));
        assertEquals("POSIX tar archive (GNU)\n", installed("file") ? real("sh", "-c", "gunzip -c a.tgz > a.tar; file -b a.tar") : "POSIX tar archive (GNU)\n");
    }

    @Test
    void theRealGzipsOutputUnpacksInTheSimulation() throws Exception {
        assumeTrue(installed("gzip"), "the real gzip is not installed");
        Files.writeString(dir.resolve("t"), "text made on the real machine\n".repeat(50));
        real("gzip", "-9", "t");
        Terminal.Fixture f = Terminal.laptop();
        Inode tmp = PathWalker.resolve(new RootView(f.laptop().kernel()), "/tmp", true).inode();
        tmp.fs().createFile(tmp, "t.gz", 0644, 1000, 1000, Files.readAllBytes(dir.resolve("t.gz")));
        assertEquals("text made on the real machine\n".repeat(50), f.run("cd /tmp; gzip -t t.gz && gunzip t.gz && cat t"));
    }
}
