#!/usr/bin/env python3
"""Re-record the libvirt cases on a real Debian 12 host with KVM (run as root).

Needs: qemu-system-x86, qemu-utils, libvirt-daemon-system, libvirt-clients installed; /dev/kvm
usable by the kvm group (Debian's udev rule: `chgrp kvm /dev/kvm; chmod 0660 /dev/kvm` where udev
does not run). Each case of libvirt.jsonl runs as root in a fresh, empty /tmp/virtcase with the
environment below, stdout and stderr apart (pipes), after libvirtd has been restarted (so domain
ids start at 1) and every domain and every /var/lib/libvirt/images/t-* image of an earlier case
is gone. The recorder rewrites "stdout", "stderr" and "rc" and prints the ids that changed.

    python3 testdata/oracle/virt/record.py
"""
import json, os, pathlib, shutil, subprocess, time, glob, signal

HERE = pathlib.Path(__file__).resolve().parent
SCRATCH = "/tmp/virtcase"
ENV = {
    "HOME": "/root", "LANG": "C.UTF-8", "LOGNAME": "root",
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "PWD": SCRATCH, "SHELL": "/bin/bash", "TERM": "dumb", "USER": "root",
}


def virsh(*args):
    return subprocess.run(["virsh", "-q", *args], capture_output=True, text=True).stdout


def clean():
    for name in virsh("list", "--all", "--name").split():
        subprocess.run(["virsh", "destroy", name], capture_output=True)
        subprocess.run(["virsh", "undefine", "--snapshots-metadata", name], capture_output=True)
    for image in glob.glob("/var/lib/libvirt/images/t-*"):
        os.remove(image)


def restart_libvirtd():
    pidfile = pathlib.Path("/run/libvirtd.pid")
    if pidfile.exists():
        pid = int(pidfile.read_text().strip() or 0)
        if pid:
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                if not pidfile.exists():
                    break
                time.sleep(0.1)
    subprocess.run(["libvirtd", "-d"], check=True)
    for _ in range(100):
        if subprocess.run(["virsh", "list"], capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    raise SystemExit("libvirtd did not start")


def run(case):
    clean()
    restart_libvirtd()
    shutil.rmtree(SCRATCH, ignore_errors=True)
    os.mkdir(SCRATCH)
    env = dict(ENV, **case.get("env", {}))
    command = ["env", "-i"] + [k + "=" + v for k, v in sorted(env.items())] + ["bash", "--norc", "--noprofile", "-c", case["script"]]
    p = subprocess.run(command, cwd=SCRATCH, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.stdout.decode(), p.stderr.decode(), p.returncode


def main():
    path = HERE / "libvirt.jsonl"
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    changed = []
    for case in cases:
        before = json.dumps(case, sort_keys=True)
        case["stdout"], case["stderr"], case["rc"] = run(case)
        if json.dumps(case, sort_keys=True) != before:
            changed.append(case["id"])
    clean()
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases))
    print(f"{path.name}: {len(cases)} cases, {len(changed)} changed" + (": " + ", ".join(changed) if changed else ""))
    shutil.rmtree(SCRATCH, ignore_errors=True)


if __name__ == "__main__":
    main()
