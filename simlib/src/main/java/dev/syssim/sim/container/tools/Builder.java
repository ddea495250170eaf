package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.container.ImageConfig;
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
 * started and awaited as {@code docker run} does, as the image's USER, in its WORKDIR, with the
 * build arguments in its environment — and commits its root as a new layer; COPY adds a file from
 * the context; ENV, ARG, WORKDIR, USER, EXPOSE, LABEL, CMD and ENTRYPOINT change the metadata
 * (WORKDIR also makes its directory), through an intermediate container that is made and removed
 * without running, as the legacy builder does. A failing RUN is Docker's
 * {@code The command '/bin/sh -c ...' returned a non-zero code: N}. CACHE looks a step up in the
 * build cache.
 *
 * <p>Simplification: COPY takes single files.
 */
final class Builder {

    private Builder() {
    }

    /** args: the request's kind, the image id so far, the step's cache key, and the kind's operands. */
    static Step step(Libc c, Engine e, Engine.Request r, Function<Engine.Reply, Step> answer) {
        List<String> args = r.args();
        String kind = args.get(0);
        if (kind.equals("TAG")) {
            Image image = e.image(args.get(1));
            return c.sys(new EngineCalls.Tag(image, args.get(2)), t -> answer.apply(new Engine.Reply("", null, image)));
        }
        if (kind.equals("SYNC")) {
            // args: the file's absolute path and its checksum; the answer says whether it was held already
            return answer.apply(new Engine.Reply("", null, e.alreadySynced(args.get(1), args.get(2))));
        }
        Image from = e.image(args.get(1));
        String key = args.get(2);
        switch (kind) {
            case "CACHE" -> {
                return answer.apply(new Engine.Reply("", null, e.cached(from.id(), key)));
            }
            case "RUN" -> {
                // first the intermediate container (the client prints "Running in ID"), then, asked again, its run
                RunSpec spec = RunSpec.buildStep(from.id(), List.of("/bin/sh", "-c", args.get(3)), args.subList(4, args.size()), null, null, "bridge");
                return intermediate(c, from, spec, answer);
            }
            case "BKRUN" -> {
                RunSpec spec = RunSpec.buildStep(from.id(), List.of("/bin/sh", "-c", args.get(3)), args.subList(4, args.size()), null, null, "bridge");
                return intermediate(c, from, spec, made -> bkRun(c, from, key, (Container) made.data(), r, answer));
            }
            case "START" -> {
                Container ct = e.container(args.get(3));
                return c.sys(new EngineCalls.CreateTask(ct, r.stdio(), -1), t -> c.sys(new EngineCalls.AwaitStart(ct), s -> c.sys(new EngineCalls.AwaitExit(ct), x -> {
                    if (ct.startError() != null) {
                        return c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(), ct.startError(), 1)));
                    }
                    if (ct.exitCode() != 0) {
                        return c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(),
                                "The command '" + String.join(" ", ct.command()) + "' returned a non-zero code: " + ct.exitCode(), ct.exitCode())));
                    }
                    return c.sys(new EngineCalls.Commit(from, key, ct, null, null, from.cmd(), from.env(), from.config(), null),
                            img -> c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(), null, img.data()))));
                })));
            }
            case "COPY" -> {
                byte[] data = args.get(4).getBytes(StandardCharsets.ISO_8859_1);
                return c.sys(new EngineCalls.Commit(from, key, null, args.get(3), data, from.cmd(), from.env(), from.config(), null),
                        img -> answer.apply(new Engine.Reply("", null, img.data())));
            }
            case "NOP" -> {
                // like RUN, an intermediate container (never started) whose config becomes the new image's
                RunSpec spec = RunSpec.buildStep(from.id(), List.of("/bin/sh", "-c", "#(nop) " + args.get(3)), List.of(), null, null, "none");
                return intermediate(c, from, spec, answer);
            }
            default -> {
                return meta(c, e, from, key, args, answer);
            }
        }
    }

    /**
     * BuildKit's RUN: the container's output goes to a log the daemon reads back and answers with
     * (the client prefixes each line with the vertex number and time); a failure is BuildKit's
     * {@code executor failed running [/bin/sh -c ...]: exit code: N}.
     */
    private static Step bkRun(Libc c, Image from, String key, Container ct, Engine.Request r, Function<Engine.Reply, Step> answer) {
        String dir = "/var/lib/docker/containers/" + ct.id();
        String log = dir + "/" + ct.id() + "-json.log";
        return c.sys(new dev.syssim.sim.os.Syscall.Mkdir(dir, 0710), m -> c.create(log, dev.syssim.sim.os.OpenFlags.O_WRONLY | dev.syssim.sim.os.OpenFlags.O_APPEND, 0640,
                f -> c.sys(new EngineCalls.CreateTask(ct, r.stdio(), f.failed() ? -1 : f.intValue()), t -> c.close(f.failed() ? -1 : f.intValue(),
                        () -> c.sys(new EngineCalls.AwaitStart(ct), s -> c.sys(new EngineCalls.AwaitExit(ct), x -> c.readFile(log, (err, bytes) -> {
                            String out = err == null ? new String(bytes, StandardCharsets.UTF_8) : "";
                            if (ct.startError() != null) return c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(out, ct.startError(), 1)));
                            if (ct.exitCode() != 0) {
                                return c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(out,
                                        "executor failed running [" + String.join(" ", ct.command()) + "]: exit code: " + ct.exitCode(), ct.exitCode())));
                            }
                            return c.sys(new EngineCalls.Commit(from, key, ct, null, null, from.cmd(), from.env(), from.config(), null),
                                    img -> c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(out, null, img.data()))));
                        })))))));
    }

    private static Step intermediate(Libc c, Image from, RunSpec spec, Function<Engine.Reply, Step> answer) {
        return c.sys(new EngineCalls.CreateContainer(from, spec, spec.command()), made -> {
            Container ct = (Container) made.data();
            return c.sys(new EngineCalls.MountRootfs(ct), m -> answer.apply(new Engine.Reply(ct.shortId(), null, ct)));
        });
    }

    /** META: the intermediate container args[3] removed, the image committed with what instruction args[4] sets. */
    private static Step meta(Libc c, Engine e, Image from, String key, List<String> args, Function<Engine.Reply, Step> answer) {
        Container ct = e.container(args.get(3));
        List<String> values = args.subList(5, args.size());
        Map<String, String> env = new LinkedHashMap<>(from.env());
        List<String> cmd = from.cmd();
        ImageConfig config = from.config();
        String makeDir = null;
        switch (args.get(4)) {
            case "ENV" -> env.put(values.get(0), values.get(1));
            case "CMD" -> cmd = values;
            // a new ENTRYPOINT resets the CMD an earlier stage or base image set, as Docker does
            case "ENTRYPOINT" -> {
                config = config.withEntrypoint(values);
                if (!from.config().entrypoint().equals(values)) cmd = List.of();
            }
            case "WORKDIR" -> {
                config = config.withWorkdir(values.get(0));
                makeDir = values.get(0);
            }
            case "USER" -> config = config.withUser(values.get(0));
            case "EXPOSE" -> config = config.withExposed(values);
            case "LABEL" -> {
                Map<String, String> labels = new LinkedHashMap<>();
                for (int i = 0; i + 1 < values.size(); i += 2) labels.put(values.get(i), values.get(i + 1));
                config = config.withLabels(labels);
            }
            default -> { }
        }
        return c.sys(new EngineCalls.Commit(from, key, null, null, null, cmd, env, config, makeDir),
                img -> c.sys(new EngineCalls.Remove(ct), y -> answer.apply(new Engine.Reply(ct.shortId(), null, img.data()))));
    }
}
