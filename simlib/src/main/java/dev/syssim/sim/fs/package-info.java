/**
 * The virtual file system: inodes, directories, permissions, mounts and path resolution from a
 * process's root and working directory (Linux's namei). It uses only the JDK; the {@code os}
 * package builds the file syscalls, {@code /proc} and {@code /dev} on it. A process appears here
 * only as a {@link dev.syssim.sim.fs.PathContext}: where it stands and who it is.
 */
package dev.syssim.sim.fs;
