package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.container.RunSpec;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * dockerd's side of the legacy builder (Docker 20.10's default without BuildKit): one step of a
 * Dockerfile on the image so far. RUN runs {@code /bin/sh -c} in an intermediate container — made,
 * started and awaited as {@code docker run} does — and commits its root as a new layer; COPY adds
 * a file from the context; ENV and CMD change the metadata, through an intermediate container
 * that is made and removed without running, as the legacy builder does. A failing RUN is Docker's
 * {@code The command '/bin/sh -c ...' returned a non-zero code: N}.
 *
 * <p>Simplifications: no build cache (every step runs); COPY takes single files.
 */
final class Builder {

    private Builder() {
    }

    /** args: the image id so far, the step's text, its kind, and the kind's operands. */
    static Step step(Libc c, Engine e, Engine.Request r, Function<Engine.Reply, Step> answer) {
        List<String> args = r.args();
        Image from = e.image(args.get(0));
        String text = args.get(1);
        switch (args.get(2)) {
            case "RUN" -> {
                // first the intermediate container (the client prints "Running in ID"), then, asked again, its run
                RunSpec spec = new RunSpec(from.id(), List.of("/bin/sh", "-c", args.get(3)), null, List.of(), List.of(), 0, 0, "bridge", false, false, null);
                return c.sys(new EngineCalls.CreateContainer(from, spec, spec.command()), made -> {
                    Container ct = (Container) made.data();
                    return c.sys(new EngineCalls.MountRootfs(ct), m -> answer.apply(new Engine.Reply(ct.shortId(), null, ct)));
                });
            }
            case "START" -> {
                Container ct = e.container(args.get(3));
                return c.sys(new EngineCalls.CreateTask(ct, r.stdio(), -1), t -> c.sys(new EngineCalls.AwaitStart(ct), s -> c.sys(new EngineCalls.AwaitExit(ct), x -> {
                    if (ct.startError() != null || ct.exitCode() != 0) {
                        return c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(),
                                "The command '" + String.join(" ", ct.command()) + "' returned a non-zero code: " + ct.exitCode(), ct.exitCode())));
                    }
                    return c.sys(new EngineCalls.Commit(from, text, ct, null, null, from.cmd(), from.env()),
                            img -> c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(), null, img.data()))));
                })));
            }
            case "COPY" -> {
                byte[] data = args.get(4).getBytes(StandardCharsets.ISO_8859_1);
                return c.sys(new EngineCalls.Commit(from, text, null, args.get(3), data, from.cmd(), from.env()),
                        img -> answer.apply(new Engine.Reply("", null, img.data())));
            }
            case "ENV", "CMD" -> {
                // like RUN, an intermediate container (never started) whose config becomes the new image's
                RunSpec spec = new RunSpec(from.id(), List.of("/bin/sh", "-c", "#(nop) " + text), null, List.of(), List.of(), 0, 0, "none", false, false, null);
                return c.sys(new EngineCalls.CreateContainer(from, spec, spec.command()), made -> {
                    Container ct = (Container) made.data();
                    return c.sys(new EngineCalls.MountRootfs(ct), m -> answer.apply(new Engine.Reply(ct.shortId(), null, ct)));
                });
            }
            case "META" -> {
                Container ct = e.container(args.get(3));
                String kind = args.get(4);
                Map<String, String> env = new LinkedHashMap<>(from.env());
                List<String> cmd = from.cmd();
                if (kind.equals("ENV")) env.put(args.get(5), args.get(6));
                else cmd = args.subList(5, args.size());
                List<String> finalCmd = cmd;
                return c.sys(new EngineCalls.Commit(from, text, null, null, null, finalCmd, env),
                        img -> c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(), null, img.data()))));
            }
            default -> {
                return c.sys(new EngineCalls.Tag(from, args.get(3)), t -> answer.apply(new Engine.Reply("", null, from)));
            }
        }
    }
}
