/**
 * Files: listing, copying, moving, removing, linking, attributes and file names — ls, cp, mv, rm,
 * rmdir, mkdir, ln, touch, chmod, chown/chgrp, stat, basename/dirname, pwd (coreutils 9.1).
 * Registered in {@link dev.syssim.sim.prog.tools.files.FileTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.files;
