package dev.syssim.sim.world;

import dev.syssim.sim.container.DockerDesktop;
import dev.syssim.sim.os.Utsname;
import java.util.List;

/**
 * {@code %scenario mac} and {@code %scenario windows}: a laptop that is not Linux, with Docker
 * Desktop. Containers need a Linux kernel, so Docker Desktop runs one: a small LinuxKit VM
 * ({@code docker-desktop}, 2 vCPUs, 2 GiB) with dockerd, containerd and runc in it; on the host there
 * is no dockerd, only the client, whose socket leads into the VM ({@link DockerDesktop}). So
 * {@code uname -a} on the host says Darwin (or Git Bash's MINGW64 on Windows), and
 * {@code docker run --rm alpine uname -a} says Linux, the VM's kernel.
 *
 * <p>The VM's kernel: Docker Desktop 4.12 (September 2022) shipped LinuxKit's {@code 5.15.49-linuxkit}
 * (the Windows flavour uses WSL 2's {@code 5.15.90.1-microsoft-standard-WSL2}, as Docker Desktop's
 * WSL 2 backend runs in WSL's VM); its {@code /etc/os-release} says {@code Docker Desktop}, as the
 * VM's does.
 *
 * <p>Simplifications: the host is the simulation's Debian machine with another uname(2) identity
 * (no macOS or Windows underneath: its shell and tools are Debian's); the VM is started with the
 * VM room's machinery (QEMU with KVM on a host with VMX, libvirt's packages installed on the host),
 * where Docker Desktop uses Apple's Virtualization.framework / HyperKit or Hyper-V; the VM's root is
 * the simulation's Debian cloud image with LinuxKit's identity, not LinuxKit's own small image.
 */
final class DockerDesktopScenario implements Scenario {

    /** Darwin 22.6 (macOS Ventura 13.5) on an Intel Mac: x86_64, as the VM and alpine's image are. */
    static final Utsname DARWIN = new Utsname("Darwin", "", "22.6.0",
            "Darwin Kernel Version 22.6.0: Wed Jul  5 22:21:56 PDT 2023; root:xnu-8796.141.3~6/RELEASE_X86_64", "x86_64");
    /** Git for Windows' bash on Windows 10 22H2 (build 19045): the MSYS2 runtime's uname. */
    static final Utsname MINGW = new Utsname("MINGW64_NT-10.0-19045", "", "3.4.7-25de8b84.x86_64", "2023-08-28 21:32 UTC", "x86_64");
    static final Utsname LINUXKIT = new Utsname("Linux", "", "5.15.49-linuxkit", "#1 SMP Tue Sep 13 07:51:46 UTC 2022", "x86_64");
    static final Utsname WSL2 = new Utsname("Linux", "", "5.15.90.1-microsoft-standard-WSL2", "#1 SMP Fri Jan 27 02:56:13 UTC 2023", "x86_64");
    static final String VM = "docker-desktop";

    private final String name;
    private final Utsname hostIdentity;
    private final Utsname vmIdentity;

    private DockerDesktopScenario(String name, Utsname hostIdentity, Utsname vmIdentity) {
        this.name = name;
        this.hostIdentity = hostIdentity;
        this.vmIdentity = vmIdentity;
    }

    static DockerDesktopScenario mac() {
        return new DockerDesktopScenario("mac", DARWIN, LINUXKIT);
    }

    static DockerDesktopScenario windows() {
        return new DockerDesktopScenario("windows", MINGW, WSL2);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return "a " + (name.equals("mac") ? "Mac (Darwin 22.6, x86_64)" : "Windows 10 PC (Git Bash)")
                + " with Docker Desktop: no dockerd on the host; the engine runs in the docker-desktop VM (" + vmIdentity.release() + ")";
    }

    @Override
    public World build(long seed, RunLimits limits) {
        World world = new World(seed, limits);
        Machine host = Machines.debian(world, name, 4, 8_052_548);
        Machine vm = Virtualization.startGuest(world, host, VM, "virtio", 2048, "-smp", "2");
        if (vm == null) throw new IllegalStateException(name + ": Docker Desktop's VM did not boot");
        vm.kernel().setIdentity(vmIdentity);
        CommandRun.Result r = Virtualization.runInGuest(world, vm, "printf 'PRETTY_NAME=\"Docker Desktop\"\\nNAME=\"Docker Desktop\"\\nID=docker-desktop\\n'"
                + " > /etc/os-release.dd && rm -f /etc/os-release && mv /etc/os-release.dd /etc/os-release", 5_000_000);
        if (r.status() != 0) throw new IllegalStateException(name + ": writing the VM's os-release failed: " + r.stderrText());
        host.kernel().setIdentity(hostIdentity);
        DockerDesktop.install(host.kernel(), vm.kernel(), 1000, 1000);
        world.trace().clear();
        return world;
    }

    @Override
    public String startMachine() {
        return name;
    }


    @Override
    public List<String> tableHeader() {
        return List.of("machine", "what");
    }

    @Override
    public List<List<String>> table(World world) {
        return List.of(List.of(name, "host: " + hostIdentity.sysname() + " " + hostIdentity.release() + ", 4 cores, 8 GiB; docker client, /var/run/docker.sock into the VM; no dockerd"),
                List.of(VM, "Docker Desktop's VM: Linux " + vmIdentity.release() + ", 2 vCPUs, 2 GiB; dockerd + containerd"));
    }
}
