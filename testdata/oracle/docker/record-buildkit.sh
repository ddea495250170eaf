#!/bin/bash
# Records docker 20.10.24's BuildKit builder (Debian 12's docker.io client and dockerd, DOCKER_BUILDKIT=1,
# --progress=plain) into buildkit-20.10.24.txt: a first build, the same build again (every step CACHED),
# a build after the COPY's source changed (CACHED up to the COPY), BuildKit's errors, and `docker history`.
# Each case: `### COMMAND`, its stdout and stderr merged, `### status N`. Times and ids are left as
# printed: BuildKitOracleTest normalises them (times to 0.0, ids to ID) on both sides.
# Needs dockerd running (started with --iptables=false, so the host's tables stay as they are) and
# busybox:latest (the imported busybox-static root, see README.md); clears BuildKit's cache first.
set -u
export PATH=/usr/sbin:/usr/bin:/sbin:/bin   # Debian's docker.io client, not another docker on PATH
export DOCKER_BUILDKIT=1
rec() {
  printf '### %s\n' "$1"
  out=$(bash -c "$1" 2>&1); rc=$?
  printf '%s\n' "$out"
  printf '### status %d\n' "$rc"
}
docker builder prune -af >/dev/null
dir=$(mktemp -d); mkdir "$dir/app"; echo 'hello from the context' > "$dir/app/msg.txt"; cd "$dir"
printf 'FROM busybox\nRUN echo building; echo made > /made\nCOPY msg.txt /srv/\nENV WHO=world\nCMD ["cat", "/srv/msg.txt"]\n' > app/Dockerfile
rec "docker build --progress=plain -t demo app"
rec "docker build --progress=plain -t demo app"
rec "echo changed > app/msg.txt; docker build --progress=plain -t demo app"
rec "docker history demo"
rec "docker history nosuch"
rec "printf 'FROM busybox\nFRMO busybox\n' > app/Dockerfile; docker build --progress=plain -t bad app"
rec "printf 'FROM busybox\nRUN echo before; exit 2\n' > app/Dockerfile; docker build --progress=plain -t bad app"
rec "printf 'FROM busybox\nRUN exit 3\n' > app/Dockerfile; docker build --progress=plain -t bad app"
rec "printf 'FROM busybox\nCOPY nosuch.txt /\n' > app/Dockerfile; docker build --progress=plain -t bad app"
rec "printf 'FROM busybox\nARG WHO=x\nWORKDIR /srv\nRUN echo \$WHO > who\nCMD cat who\n' > app/Dockerfile; docker build --progress=plain --build-arg WHO=a -t args app"
rec "docker history --no-trunc args | cut -c 1-15,41-"
rec "docker run --rm args"
rec "printf 'msg.txt\n' > app/.dockerignore; printf 'FROM busybox\nCOPY msg.txt /\n' > app/Dockerfile; docker build --progress=plain -t bad app; rm app/.dockerignore"
rec "printf 'FROM busybox\nRUN echo one; echo two >&2\n' > app/Dockerfile; docker build --progress=plain -q -t two app | sed 's/[0-9a-f]\\{64\\}/ID/'"
docker rmi demo args two >/dev/null
rm -rf "$dir"
