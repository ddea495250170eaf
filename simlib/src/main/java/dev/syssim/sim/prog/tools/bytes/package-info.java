/**
 * Bytes: tools that show, encode, check and copy raw bytes — od, xxd, hexdump, base64, md5sum,
 * sha1sum, sha256sum, cksum, sum, dd (coreutils 9.1, vim's xxd, util-linux's hexdump). Registered in {@link
 * dev.syssim.sim.prog.tools.bytes.BytesTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.bytes;
