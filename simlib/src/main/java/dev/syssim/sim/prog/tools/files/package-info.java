/**
 * Files: listing, copying, moving, removing, linking, finding, attributes and file names — ls, cp,
 * mv, rm, rmdir, mkdir, ln, touch, chmod, chown/chgrp, stat, basename/dirname, readlink, realpath,
 * pwd, mkfifo, mktemp, install, truncate, du, df, file (coreutils 9.1, file 5.44), find and xargs
 * (findutils 4.9), with their helpers: {@link dev.syssim.sim.prog.tools.files.NamePattern}
 * (fnmatch as find and tar use it) and {@link dev.syssim.sim.prog.tools.files.Canonical} (canonical
 * names). Registered in {@link dev.syssim.sim.prog.tools.files.FileTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.files;
