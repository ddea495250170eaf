#!/bin/sh
# Records Debian 12's busybox-static (1:1.35.0-4+deb12u1+b1) chroot applet, as root, into
# chroot-1.35.0.txt: each case is "$ COMMAND", its output (stderr merged), "status N".
# Replayed by simlib BusyboxChrootOracleTest.
set -u
mkdir -p /tmp/bbroot/bin && cp /usr/bin/busybox /tmp/bbroot/bin/ && ln -sf busybox /tmp/bbroot/bin/sh
for cmd in "busybox chroot" "busybox chroot /nonexist" "busybox chroot / /nonexist" "busybox chroot /tmp/bbroot /bin/sh -c 'echo inside'" "busybox chroot /etc/hostname true" "busybox --list-full | grep chroot"; do
    printf '$ %s\n' "$cmd"
    sh -c "$cmd" 2>&1
    printf 'status %s\n' "$?"
done
rm -rf /tmp/bbroot
