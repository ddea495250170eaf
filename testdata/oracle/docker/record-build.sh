#!/bin/bash
# Records docker 20.10.24's legacy builder (Debian 12's docker.io; DOCKER_BUILDKIT unset) into
# build-20.10.24.txt: per case the Dockerfile's printf, the build command, its output (stdout and
# stderr merged, bytes as printed: the context line ends in \r\r\n), and its status.
# Needs dockerd running and busybox:latest (an imported busybox-static root, see README.md).
set -u
D=/usr/bin/docker
dir=$(mktemp -d); mkdir "$dir/app"; echo 'hello from the context' > "$dir/app/msg.txt"; cd "$dir"
for df in 'FROM busybox\nRUN echo building; echo made > /made\nCOPY msg.txt /srv/\nENV WHO=world\nCMD ["cat", "/srv/msg.txt"]\n' \
          'FROM busybox\nFRMO busybox\n' 'FROM busybox\nRUN exit 3\n' 'FROM busybox\nCOPY nosuch.txt /\n'; do
  printf '### printf %s > app/Dockerfile\n' "'$df'"
  printf "$df" > app/Dockerfile
  tag=bad; case "$df" in *CMD*) tag=demo;; esac
  echo "### docker build -t $tag app 2>&1"
  $D build --no-cache -t $tag app 2>&1; echo "### status $?"
done
