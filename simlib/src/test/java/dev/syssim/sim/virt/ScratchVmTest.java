package dev.syssim.sim.virt;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import dev.syssim.sim.world.CommandRun;
import dev.syssim.sim.world.Machine;
import dev.syssim.sim.world.Terminal;
import dev.syssim.sim.world.Virtualization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchVmTest {

    @Test
    void scratch() {
        Terminal.Fixture f = Terminal.laptop();
        Virtualization.install(f.world(), f.laptop());
        System.out.println(f.run("sudo -n true 2>&1; id; ls -l /dev/kvm; ls -l /var/lib/libvirt/images"));
        f.session().switchTo(f.laptop(), "root");
        System.out.println(f.run("qemu-system-x86_64 -enable-kvm -m 512 -name guest1 -drive file=/var/lib/libvirt/images/debian-12-genericcloud-amd64.qcow2,format=qcow2,if=virtio -display none -daemonize; echo status $?; ps -ef | grep qemu"));
        f.world().runUntil(() -> f.world().machine("guest1") != null && f.world().machine("guest1").kernel().init() != null, 10_000_000);
        Machine guest = f.world().machine("guest1");
        System.out.println("guest: " + guest);
        f.world().runUntil(() -> false, 200_000);
        VirtualMachine vm = Kvm.of(f.laptop().kernel()).vms().get(0);
        System.out.println("exits so far: " + vm.stats().byReason().keySet() + " total " + vm.stats().exits());
        long before = vm.stats().exits();
        f.world().trace().clear();
        f.world().trace().setLevel(TraceLevel.FULL);
        CommandRun.Result r = CommandRun.run(f.world(), guest, new CommandRun.Command(List.of("cat", "/etc/motd"), "root", "/", Map.of("PATH", "/usr/bin:/bin"), null), 2_000_000);
        System.out.println(r.status() + " " + r.stdoutText());
        System.out.println(new TextRenderer().render(f.world().trace().snapshot()));
        System.out.println("exits for cat: " + (vm.stats().exits() - before));
        vm.stats().byReason().forEach((k, v) -> System.out.println(k + " " + v.count()));
    }
}
