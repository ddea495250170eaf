package dev.syssim.sim.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Stat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file syscalls and their errno rules, made by a real process of the laptop. */
class FileSyscallsTest {

    private static final int RD = OpenFlags.O_RDONLY;

    @Test
    void openatOfAMissingFileIsEnoent() {
        var r = Probe.as("student").call(new Syscall.OpenAt("/etc/nope", RD)).run();
        assertEquals(Errno.ENOENT, r.get(0).errno());
    }

    @Test
    void openatWithoutReadPermissionIsEacces() {
        var r = Probe.as("student").call(new Syscall.OpenAt("/etc/shadow", RD)).run();
        assertEquals(Errno.EACCES, r.get(0).errno());
    }

    @Test
    void rootBypassesPermissionBits() {
        var r = Probe.as("root").call(new Syscall.OpenAt("/etc/shadow", RD)).run();
        assertFalse(r.get(0).failed());
    }

    @Test
    void openatThroughAFileIsEnotdir() {
        var r = Probe.as("student").call(new Syscall.OpenAt("/etc/motd/x", RD)).run();
        assertEquals(Errno.ENOTDIR, r.get(0).errno());
    }

    @Test
    void searchPermissionIsNeededOnEveryDirectory() {
        var r = Probe.as("student").call(new Syscall.OpenAt("/root/.bashrc", RD)).run();
        assertEquals(Errno.EACCES, r.get(0).errno());
    }

    @Test
    void openingADirectoryForWritingIsEisdir() {
        var r = Probe.as("root").call(new Syscall.OpenAt("/tmp", OpenFlags.O_WRONLY)).run();
        assertEquals(Errno.EISDIR, r.get(0).errno());
    }

    @Test
    void createExclusiveOfAnExistingFileIsEexist() {
        var r = Probe.as("student").call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/x", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0644))
                .call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/x", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, 0644)).run();
        assertEquals(3, r.get(0).value(), "the lowest free descriptor");
        assertEquals(Errno.EEXIST, r.get(1).errno());
    }

    @Test
    void newFilesGetTheUmaskedModeAndTheCallersOwnership() {
        var p = Probe.as("student").call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/tmp/mine", OpenFlags.O_WRONLY | OpenFlags.O_CREAT, 0666))
                .call(Syscall.NewFstatAt.stat("/tmp/mine"));
        var r = p.run();
        Stat st = r.get(1).dataAs(Stat.class);
        assertEquals(0644, st.permissions());
        assertEquals(1000, st.uid());
    }

    @Test
    void readReturnsTheBytesAndThenEndOfFile() {
        var r = Probe.as("student").call(new Syscall.OpenAt("/etc/hostname", RD))
                .call(prev -> new Syscall.Read(prev.get(0).intValue(), 100))
                .call(prev -> new Syscall.Read(prev.get(0).intValue(), 100)).run();
        assertEquals("laptop\n", new String(r.get(1).bytes(), StandardCharsets.UTF_8));
        assertEquals(0, r.get(2).value());
    }

    @Test
    void readOfADirectoryIsEisdirAndABadDescriptorIsEbadf() {
        var r = Probe.as("student").call(new Syscall.OpenAt("/etc", RD))
                .call(prev -> new Syscall.Read(prev.get(0).intValue(), 100))
                .call(new Syscall.Read(42, 1))
                .call(new Syscall.Close(42)).run();
        assertEquals(Errno.EISDIR, r.get(1).errno());
        assertEquals(Errno.EBADF, r.get(2).errno());
        assertEquals(Errno.EBADF, r.get(3).errno());
    }

    @Test
    void writeAppendsWithOAppend() {
        var p = Probe.as("student");
        p.shell("echo one > /tmp/log");
        p.call(new Syscall.OpenAt("/tmp/log", OpenFlags.O_WRONLY | OpenFlags.O_APPEND))
                .call(prev -> new Syscall.Write(prev.get(0).intValue(), "two\n".getBytes(StandardCharsets.UTF_8))).run();
        assertEquals("one\ntwo\n", p.shell("cat /tmp/log"));
    }

    @Test
    void getdentsListsDotDotDotAndEntries() {
        var r = Probe.as("student").call(new Syscall.OpenAt(OpenFlags.AT_FDCWD, "/home", RD | OpenFlags.O_DIRECTORY, 0))
                .call(prev -> new Syscall.Getdents64(prev.get(0).intValue(), 32768))
                .call(prev -> new Syscall.Getdents64(prev.get(0).intValue(), 32768)).run();
        List<Dirent> entries = Syscall.Getdents64.entries(r.get(1));
        assertEquals(List.of(".", "..", "student"), entries.stream().map(Dirent::name).toList());
        assertEquals(0, r.get(2).value(), "then the end of the directory");
    }

    @Test
    void mkdirOfAnExistingNameIsEexistAndInARootDirectoryIsEacces() {
        var r = Probe.as("student").call(new Syscall.Mkdir("/tmp", 0755)).call(new Syscall.Mkdir("/etc/new", 0755)).run();
        assertEquals(Errno.EEXIST, r.get(0).errno());
        assertEquals(Errno.EACCES, r.get(1).errno());
    }

    @Test
    void unlinkOfADirectoryIsEisdirAndRmdirOfANonEmptyOneIsEnotempty() {
        var r = Probe.as("root").call(Syscall.Unlinkat.unlink("/etc")).call(Syscall.Unlinkat.rmdir("/etc"))
                .call(Syscall.Unlinkat.rmdir("/etc/motd")).run();
        assertEquals(Errno.EISDIR, r.get(0).errno());
        assertEquals(Errno.ENOTEMPTY, r.get(1).errno());
        assertEquals(Errno.ENOTDIR, r.get(2).errno());
    }

    @Test
    void stickyTmpProtectsOtherUsersFiles() {
        var p = Probe.as("root");
        p.shell("echo x > /tmp/roots");
        p.fixture.session().switchTo(p.fixture.laptop(), "student");
        var r = p.call(Syscall.Unlinkat.unlink("/tmp/roots")).run();
        assertEquals(Errno.EPERM, r.get(0).errno());
    }

    @Test
    void renameMovesAndIntoItsOwnSubdirectoryIsEinval() {
        var p = Probe.as("student");
        p.shell("cd /tmp; echo a > a");
        var r = p.call(new Syscall.Rename("/tmp/a", "/tmp/b")).call(new Syscall.Mkdir("/tmp/d", 0755))
                .call(new Syscall.Rename("/tmp/d", "/tmp/d/e")).call(new Syscall.Rename("/tmp/nope", "/tmp/c")).run();
        assertEquals(0, r.get(0).value());
        assertEquals(Errno.EINVAL, r.get(2).errno());
        assertEquals(Errno.ENOENT, r.get(3).errno());
        assertEquals("a\n", p.shell("cat /tmp/b"));
    }

    @Test
    void chmodAndChownOfSomeoneElsesFileAreEperm() {
        var r = Probe.as("student").call(new Syscall.Chmod("/etc/motd", 0777)).call(new Syscall.Chown("/tmp", 1000, 1000, true)).run();
        assertEquals(Errno.EPERM, r.get(0).errno());
        assertEquals(Errno.EPERM, r.get(1).errno());
    }

    @Test
    void chdirToAFileIsEnotdirAndGetcwdReportsTheNewDirectory() {
        var r = Probe.as("student").call(new Syscall.Chdir("/etc/motd")).call(new Syscall.Chdir("/usr/bin"))
                .call(new Syscall.Getcwd()).run();
        assertEquals(Errno.ENOTDIR, r.get(0).errno());
        assertEquals("/usr/bin", r.get(2).data());
    }

    @Test
    void symlinkAndReadlink() {
        var r = Probe.as("student").call(new Syscall.Symlink("/etc/motd", "/tmp/l")).call(new Syscall.Readlink("/tmp/l"))
                .call(new Syscall.Readlink("/etc/motd")).call(Syscall.NewFstatAt.lstat("/tmp/l")).run();
        assertEquals("/etc/motd", r.get(1).data());
        assertEquals(Errno.EINVAL, r.get(2).errno());
        assertEquals(FileType.SYMLINK, r.get(3).dataAs(Stat.class).type());
    }

    @Test
    void pipeCarriesBytesAndDup2ReplacesADescriptor() {
        var r = Probe.as("student").call(new Syscall.Pipe2(0))
                .call(prev -> new Syscall.Write(Syscall.Pipe2.fds(prev.get(0))[1], "hi".getBytes(StandardCharsets.UTF_8)))
                .call(prev -> new Syscall.Read(Syscall.Pipe2.fds(prev.get(0))[0], 10))
                .call(prev -> new Syscall.Dup2(Syscall.Pipe2.fds(prev.get(0))[0], 9)).run();
        assertEquals("hi", new String(r.get(2).bytes(), StandardCharsets.UTF_8));
        assertEquals(9, r.get(3).value());
    }

    @Test
    void mknodOfADeviceNeedsCapMknod() {
        var r = Probe.as("student").call(new Syscall.Mknod("/tmp/sda", 0060000 | 0644, 8, 0)).run();
        assertEquals(Errno.EPERM, r.get(0).errno());
        var root = Probe.as("root").call(new Syscall.Mknod("/tmp/sda", 0060000 | 0644, 8, 0)).run();
        assertEquals(0, root.get(0).value());
    }

    @Test
    void accessChecksTheBits() {
        var r = Probe.as("student").call(new Syscall.Access("/etc/shadow", 4)).call(new Syscall.Access("/usr/bin/ls", 1)).run();
        assertEquals(Errno.EACCES, r.get(0).errno());
        assertTrue(!r.get(1).failed());
    }
}
