"""Every notebook in notebooks/ runs top to bottom on the syssim kernel without an error,
as nbconvert --execute runs it for the handouts (no stdin)."""

import pathlib

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = pathlib.Path(__file__).resolve().parents[2] / "notebooks"
ALL = sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_there_are_notebooks_to_run():
    assert ALL, f"no notebooks under {NOTEBOOKS}"


@pytest.mark.parametrize("path", ALL, ids=[str(p.relative_to(NOTEBOOKS)) for p in ALL])
def test_notebook_runs_without_error(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == "syssim"
    NotebookClient(nb, timeout=120, kernel_name="syssim", allow_errors=False).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]


LECTURE = NOTEBOOKS / "lecture" / "lecture.ipynb"

# What the lecture's stories must show when the notebook runs (the lecture is the product).
LECTURE_SHOWS = [
    "Connection to 10.84.0.10 22 port [tcp/ssh] succeeded!",
    "nc: connect to 10.84.0.10 port 22 (tcp) timed out: Operation now in progress",
    "filter:FORWARD:rule:1",
    "nc: connect to 203.0.113.50 port 80 (tcp) failed: Connection refused",
    "nc: connect to 10.84.0.10 port 22 (tcp) failed: Connection refused",
    "22/tcp  filtered ssh",
    "#conn src/32 > 3 reject-with tcp-reset",
    "TIME_WAIT src=203.0.113.50 dst=10.84.0.25",
    "src=203.0.113.66 ttl: ",
    "filter:INPUT:rule:2",
    "-A ufw-user-input -s 10.84.0.0/16 -p tcp -m tcp --dport 22 -j ACCEPT",
    "ip saddr 10.84.0.0/16 tcp dport 22 counter packets 0 bytes 0 accept",
    "631/tcp closed ipp",
    "dmesg: read kernel buffer failed: Operation not permitted",
    "Segmentation fault",
    "status 139",
    "general protection fault",
    'openat(AT_FDCWD, "/etc/hostname", O_RDONLY) = 3',
    "+++ exited with 0 +++",
    "IRQ 14 ata_piix",
    "timer interrupt (LOC, vector 236) on cpu0",
    "Connected to domain 'guest2'",
    "vm-exit   30 IO_INSTRUCTION",
    "VM entry: inject IRQ 14 ata_piix (vector 46)",
    "Analyze events for all VMs, all VCPUs:",
    "       EPT_MISCONFIG ",
    " -    guest2   shut off",
    "master virbr0 state forwarding priority 32 cost 2",
    "-A LIBVIRT_PRT -s 192.168.122.0/24 ! -d 192.168.122.0/24 -j MASQUERADE",
    "EPT_MISCONFIG: writel 0x2, TDT (transmit descriptor tail)",
    "EPT_MISCONFIG: write to the notify register of virtqueue 1 (transmit)",
    "I: Base system installed successfully.",
    "/usr/sbin/chroot: cannot change root directory to '/srv/debian': Operation not permitted",
    "error while loading shared libraries: libtinfo.so.6: cannot open shared object file",
    "version `GLIBC_2.38' not found",
    "    1 pts/0    00:00:00 ps",
    "2 packets transmitted, 0 received, 100% packet loss",
    "bash: fork: retry: Resource temporarily unavailable",
    "Memory cgroup out of memory: Killed process",
    "cat: /dev/sda: Operation not permitted",
    "Entering /usr/local/chroots/bookworm...",
    "Successfully tagged hello:latest",
    "hello from a container",
    "cat: /etc/shadow: Permission denied",
    "<title>Welcome to nginx!</title>",
    "web: status 28",
]


def test_the_lecture_tells_its_stories():
    nb = nbformat.read(LECTURE, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="syssim", allow_errors=False).execute()
    text = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                text.append(o.text)
            elif "data" in o and "text/plain" in o.data:
                text.append(o.data["text/plain"])
    everything = "".join(text)
    missing = [s for s in LECTURE_SHOWS if s not in everything]
    assert not missing, f"the lecture no longer shows: {missing}"
