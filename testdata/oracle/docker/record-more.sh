#!/bin/bash
# Records more of docker 20.10.24 (Debian 12's docker.io; dockerd started with --iptables=false so the
# host's tables stay as they are) into more-20.10.24.txt: volumes, networks, rmi, inspect, top, stats,
# run's --user/--read-only/--cap-add/--cap-drop/--device, and legacy builds with ARG, WORKDIR, USER,
# ENTRYPOINT, EXPOSE, LABEL and the build cache. Each case: `### COMMAND`, its stdout and stderr merged,
# `### status N`. Random ids, pids and times are masked inside the command (sed, cut), so the
# simulation runs the very same command line. Run in a directory holding app/msg.txt
# ("hello from the context"), with busybox:latest (the imported busybox-static root, see README.md).
set -u
export PATH=/usr/sbin:/usr/bin:/sbin:/bin   # Debian's docker.io client, not another docker on PATH
rec() {
  printf '### %s\n' "$1"
  out=$(bash -c "$1" 2>&1); rc=$?
  printf '%s\n' "$out"
  printf '### status %d\n' "$rc"
}
M="sed 's/[0-9a-f]\{64\}/ID/g; s/[0-9a-f]\{12\}/ID/g'"
# volumes
rec "docker volume create vol1; docker volume ls; docker volume rm vol1; docker volume ls"
rec "docker volume rm nosuch"
rec "docker volume"
rec "docker run --rm -v vol2:/data busybox sh -c 'echo kept > /data/f'; docker run --rm -v vol2:/data busybox cat /data/f; docker volume ls; docker volume rm vol2"
rec "docker run --name vt -v vol3:/data busybox true; docker volume rm vol3 2>&1 | $M; docker rm vt; docker volume rm vol3"
# networks
rec "docker network ls | sed 's/^[0-9a-f]\{12\}/xxxxxxxxxxxx/'"
# images
rec "docker rmi nosuch"
rec "docker rmi"
rec "docker tag busybox mybox; docker rmi mybox"
rec "docker tag nosuch mybox"
rec "docker run --name keep busybox true; docker rmi busybox 2>&1 | $M; docker rm keep"
# inspect
rec "docker inspect nosuch"
rec "docker inspect"
rec "docker run --name ins -m 64m busybox true; docker inspect --format '{{.State.Status}} {{.State.ExitCode}} {{.Name}} {{.Config.Image}} {{.HostConfig.Memory}}' ins; docker rm ins"
rec "docker run --name ins2 -e A=b busybox sh -c 'exit 3'; docker inspect ins2 | grep -E '\"(Status|ExitCode|Image|Path|OomKilled|Running|PidsLimit|Memory|NetworkMode|Hostname)\"' | $M; docker rm ins2"
rec "docker inspect --format '{{.Id}} {{.RepoTags}}' busybox"
# top and stats
rec "docker run -d --name tp busybox busybox sleep 100 >/dev/null; docker top tp | head -1; docker top tp | tail -n +2 | tr -s ' ' | cut -d' ' -f1,6-; docker rm -f tp"
rec "docker top"
rec "docker run -d --network none --name st busybox busybox sleep 100 >/dev/null; docker stats --no-stream st | head -1 | tr -s ' '; docker stats --no-stream st | tail -1 | awk '{print \$2, \$NF}'; docker rm -f st"
# capabilities, user, read-only root, devices
rec "docker run --rm busybox cat /proc/self/status | grep CapEff"
rec "docker run --rm --cap-drop ALL busybox cat /proc/self/status | grep CapEff"
rec "docker run --rm --cap-add NET_ADMIN busybox cat /proc/self/status | grep CapEff"
rec "docker run --rm --cap-drop MKNOD busybox busybox mknod /n c 1 3"
rec "docker run --rm busybox busybox mknod /n c 1 3; echo \$?"
rec "docker run --rm busybox hostname other"
rec "docker run --rm --cap-add SYS_ADMIN busybox sh -c 'hostname other; hostname'"
rec "docker run --rm --cap-add BOGUS busybox true"
rec "docker run --rm --user 1000 busybox sh -c 'id -u; id -g'"
rec "docker run --rm --user 1000:1000 busybox sh -c 'id -u; id -g'"
rec "docker run --rm --user nosuch busybox id"
rec "docker run --rm --user 1000 busybox cat /proc/self/status | grep CapEff"
rec "docker run --rm --read-only busybox busybox mkdir /x"
rec "docker run --rm --device /dev/kmsg busybox ls -l /dev/kmsg | cut -c1-10"
rec "docker run --rm busybox cat /dev/kmsg"
rec "docker run --rm --device /dev/nosuch busybox true"
# builds: the newer instructions, then the cache
B="docker build -t demo app 2>&1 | $M"
rec "printf 'FROM busybox\nARG WHO=world\nWORKDIR /srv/app\nCOPY msg.txt .\nRUN echo \"hi \$WHO\" > greeting; pwd\nUSER 1000\nEXPOSE 80/tcp 8080\nLABEL course=\"syssim\" week=7\nENTRYPOINT [\"cat\"]\nCMD [\"greeting\"]\n' > app/Dockerfile; docker build --no-cache -t demo app 2>&1 | $M"
rec "docker run --rm demo; docker run --rm demo msg.txt; docker run --rm demo /proc/self/status | grep -E 'Uid|CapEff'"
rec "docker inspect --format '{{json .Config.Entrypoint}} {{json .Config.Cmd}} {{.Config.WorkingDir}} {{.Config.User}} {{json .Config.ExposedPorts}} {{json .Config.Labels}}' demo"
rec "$B"
rec "echo 'changed' > app/msg.txt; $B"
rec "docker build --build-arg WHO=class -t demo app 2>&1 | $M; docker run --rm demo"
rec "docker build --build-arg NOPE=1 -t demo app 2>&1 | $M"
rec "printf 'FROM busybox\nENTRYPOINT echo shell form\nCMD [\"ignored\"]\n' > app/Dockerfile; docker build -q -t ep app >/dev/null; docker run --rm ep; docker run --rm ep more args"
rec "printf 'FROM busybox\nENTRYPOINT [\"echo\", \"exec form\"]\nCMD [\"default\"]\n' > app/Dockerfile; docker build -q -t ep app >/dev/null; docker run --rm ep; docker run --rm ep given; docker run --rm --entrypoint echo ep; echo \"[\$?]\""
rec "printf 'FROM busybox\nWORKDIR rel\nWORKDIR deeper\nRUN pwd\n' > app/Dockerfile; docker build --no-cache -t wd app 2>&1 | $M"
rec "printf 'FROM busybox\nUSER nosuch\nRUN id\n' > app/Dockerfile; docker build --no-cache -t bad app 2>&1 | $M"
rec "printf 'FROM busybox\nRUN echo one\n' > app/Dockerfile; docker build -t rm1 app >/dev/null; docker rmi rm1 | sed 's/[0-9a-f]\{64\}/ID/g'"
