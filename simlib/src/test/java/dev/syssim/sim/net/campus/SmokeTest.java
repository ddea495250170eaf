package dev.syssim.sim.net.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syssim.sim.trace.TraceLevel;
import dev.syssim.sim.trace.render.TextRenderer;
import org.junit.jupiter.api.Test;

class SmokeTest {

    @Test
    void offcampusReachesWashSsh() {
        Campus campus = Campus.asRecorded().on("offcampus");
        assertEquals("Connection to 10.84.0.10 22 port [tcp/ssh] succeeded!\n", campus.run("nc -zv -w 2 10.84.0.10 22"));
        assertEquals("nc: connect to 10.84.0.10 port 443 (tcp) failed: Connection refused\n", campus.run("nc -zv -w 2 10.84.0.10 443"));
        campus.on("border").run("iptables -A FORWARD -i eth0 -o eth1 -m conntrack --ctstate NEW -j DROP");
        campus.on("offcampus");
        campus.world.trace().clear();
        campus.world.trace().setLevel(TraceLevel.SYSCALLS);
        long t0 = campus.now();
        String out = campus.run("nc -zv -w 2 10.84.0.10 22; echo $?");
        System.out.println(out + " took " + (campus.now() - t0));
        campus.world.trace().setLevel(TraceLevel.OFF);
        System.out.println(new TextRenderer().render(campus.world.trace().snapshot()));
        System.out.println(campus.on("border").run("iptables -L FORWARD -v -n --line-numbers"));
    }
}
