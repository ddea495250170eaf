package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Image;
import dev.syssim.sim.container.Reference;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * dockerd's {@code docker rmi} and {@code docker tag}. rmi removes a name ({@code Untagged:}) and,
 * when it was the image's last one, deletes the image and the untagged parents a build left
 * ({@code Deleted: sha256:...}); an image a container (even a stopped one) was made from keeps its
 * last name: Docker's {@code conflict: unable to remove repository reference ... (must force)}.
 */
final class Images {

    private Images() {
    }

    static Engine.Reply rmi(Engine e, List<String> refs) {
        StringBuilder out = new StringBuilder();
        List<String> errors = new ArrayList<>();
        for (String ref : refs) {
            if (ref.startsWith("-")) continue;
            Image image = e.image(ref);
            if (image == null) {
                errors.add("Error: No such image: " + ref);
                continue;
            }
            boolean lastName = e.images().stream().filter(i -> i.id().equals(image.id())).count() <= 1;
            Container user = e.userOf(image.id());
            if (lastName && user != null) {
                errors.add("Error response from daemon: conflict: unable to remove repository reference \"" + ref + "\" (must force) - container "
                        + user.shortId() + " is using its referenced image " + image.shortId());
                continue;
            }
            for (String line : e.untag(image, ref)) out.append(line).append('\n');
        }
        return errors.isEmpty() ? Engine.Reply.ok(out.toString()) : new Engine.Reply(out.toString(), String.join("\n", errors), 1);
    }

    /** {@code docker tag SOURCE TARGET}. */
    static Step tag(Libc c, Engine e, List<String> args, Function<Engine.Reply, Step> answer) {
        Image image = e.image(args.get(0));
        if (image == null) return answer.apply(new Engine.Reply("", "Error response from daemon: No such image: " + Reference.parse(args.get(0)), 1));
        return c.sys(new EngineCalls.Tag(image, args.get(1)), t -> answer.apply(Engine.Reply.ok("")));
    }
}
