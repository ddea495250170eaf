#!/bin/sh
# Builds the test roots the isolation cases run in, on a real Debian 12 (as root), exactly as
# ChrootOracleTest builds them in the simulation: a static busybox root and three roots around a
# dynamic /bin/bash (no loader; the loader but no libtinfo; complete).
set -e
for r in bbroot bash_nold bash_nolib bash_full; do rm -rf "/srv/$r"; done
B=/srv/bbroot
mkdir -p $B/bin $B/etc $B/tmp
cp /bin/busybox $B/bin/busybox
for a in cat echo env false hostname id ls mount ps pwd sh true; do ln -s busybox $B/bin/$a; done
printf 'bbroot\n' > $B/etc/hostname
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > $B/etc/passwd
printf 'root:x:0:\nnogroup:x:65534:\n' > $B/etc/group
printf 'echo ran-without-shebang\necho \\$0=$0\n' > $B/noshebang; chmod 755 $B/noshebang
printf '#!/bin/bash\necho needs bash\n' > $B/needsbash; chmod 755 $B/needsbash
printf 'echo not executable\n' > $B/notexec; chmod 644 $B/notexec
for r in bash_nold bash_nolib bash_full; do
  mkdir -p /srv/$r/bin /srv/$r/lib/x86_64-linux-gnu
  cp /bin/bash /srv/$r/bin/bash
  cp /lib/x86_64-linux-gnu/libc.so.6 /srv/$r/lib/x86_64-linux-gnu/
done
cp /lib/x86_64-linux-gnu/libtinfo.so.6 /srv/bash_nold/lib/x86_64-linux-gnu/
cp /lib/x86_64-linux-gnu/libtinfo.so.6 /srv/bash_full/lib/x86_64-linux-gnu/
for r in bash_nolib bash_full; do mkdir -p /srv/$r/lib64; cp /lib64/ld-linux-x86-64.so.2 /srv/$r/lib64/; done
