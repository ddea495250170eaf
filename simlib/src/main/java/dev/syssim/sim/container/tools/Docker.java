package dev.syssim.sim.container.tools;

import dev.syssim.sim.container.Container;
import dev.syssim.sim.container.Engine;
import dev.syssim.sim.container.EngineCalls;
import dev.syssim.sim.container.Reference;
import dev.syssim.sim.container.RunSpec;
import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Libc;
import dev.syssim.sim.prog.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * docker (the client of Docker 20.10.24, Debian 12's docker.io): parses the command line, connects
 * to {@code /var/run/docker.sock} — which only root and the docker group may write, so everyone
 * else gets Docker's {@code permission denied while trying to connect ...} — and sends dockerd the
 * request. Commands: run, exec, ps, images, pull, rm, rmi, tag, inspect, top, stats, port, logs, stop,
 * kill, build, volume, network, and the {@code image}/{@code container} forms. Exit statuses as Docker's: 125
 * for the engine's own errors in {@code run}, 126 and 127 when the command cannot be run or is
 * not found, else the container's; 1 for the other commands' errors.
 */
public final class Docker extends Tool {

    private static final String SOCKET_URL = "http://%2Fvar%2Frun%2Fdocker.sock/v1.24";

    @Override
    protected Step run(Libc c) {
        List<String> args = c.args().operands();
        if (args.isEmpty()) {
            c.print(usage());
            return c.exit(0);
        }
        return dispatch(c, args);
    }

    /**
     * The management commands' forms of the classic ones ({@code docker image ls} is {@code docker
     * images}, {@code docker container rm} is {@code docker rm}); others unchanged, or null.
     */
    private static List<String> classic(List<String> args) {
        if (args.size() < 2 || !(args.get(0).equals("image") || args.get(0).equals("container"))) return null;
        boolean image = args.get(0).equals("image");
        String sub = args.get(1);
        String command = switch (sub) {
            case "ls", "list" -> image ? "images" : "ps";
            case "rm", "remove" -> image ? "rmi" : "rm";
            case "inspect", "pull", "tag", "build", "history" -> image ? sub : sub.equals("inspect") ? "inspect" : null;
            case "run", "exec", "logs", "stop", "kill", "top", "stats", "port" -> image ? null : sub;
            default -> null;
        };
        if (command == null) return null;
        List<String> out = new ArrayList<>();
        out.add(command);
        out.addAll(args.subList(2, args.size()));
        return out;
    }

    private Step dispatch(Libc c, List<String> args) {
        List<String> classic = classic(args);
        if (classic != null) args = classic;
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "run" -> run(c, rest);
            case "ps" -> simple(c, "ps", rest, "Get", "/containers/json", false);
            case "images" -> simple(c, "images", rest, "Get", "/images/json", false);
            case "pull" -> pull(c, rest);
            case "rm" -> rm(c, rest);
            case "rmi" -> api(c, "rmi", rest, "Delete", "/images/" + first(rest), 1, "docker rmi [OPTIONS] IMAGE [IMAGE...]", "Remove one or more images");
            case "tag" -> api(c, "tag", rest, "Post", "/images/" + first(rest) + "/tag", 2, "docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
                    "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE");
            case "inspect" -> api(c, "inspect", rest, "Get", "/containers/" + first(rest) + "/json", 1, "docker inspect [OPTIONS] NAME|ID [NAME|ID...]",
                    "Return low-level information on Docker objects");
            case "top" -> api(c, "top", rest, "Get", "/containers/" + first(rest) + "/top", 1, "docker top CONTAINER [ps OPTIONS]",
                    "Display the running processes of a container");
            case "port" -> api(c, "port", rest, "Get", "/containers/" + first(rest) + "/json", 1, "docker port CONTAINER [PRIVATE_PORT[/PROTO]]",
                    "List port mappings or a specific mapping for the container");
            case "stats" -> api(c, "stats", rest, "Get", "/containers/json", 0, "", "");
            case "volume" -> volume(c, rest);
            case "network" -> network(c, rest);
            case "logs" -> simple(c, "logs", rest, "Get", "/containers/" + first(rest) + "/json", true);
            case "stop" -> simple(c, "stop", rest, "Post", "/containers/" + first(rest) + "/stop", true);
            case "kill" -> simple(c, "kill", rest, "Post", "/containers/" + first(rest) + "/kill?signal=KILL", true);
            case "exec" -> exec(c, rest);
            case "build" -> Build.run(c, rest);
            case "info" -> info(c);
            case "history" -> rest.stream().filter(a -> !a.startsWith("-")).count() != 1 ? historyUsage(c) : api(c, "history", rest, "Get", "/images/" + first(rest) + "/history", 1, "", "");
            case "--version", "version" -> {
                c.print("Docker version " + Engine.VERSION + ", build 297e128\n");
                yield c.exit(0);
            }
            case "--help" -> help(c);
            default -> {
                c.eprint("docker: '" + args.get(0) + "' is not a docker command.\nSee 'docker --help'\n");
                yield c.exit(1);
            }
        };
    }

    /**
     * {@code docker info}: the client's lines, then the server's; without a daemon, Docker 20.10
     * prints the server's error in the Server part and exits 1.
     */
    private Step info(Libc c) {
        c.print(Info.CLIENT);
        return connect(c, "Get", "/info", "", () -> c.sys(new EngineCalls.Rpc("info", List.of(), null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            c.print(reply.out());
            return c.exit(reply.error() == null ? 0 : 1);
        }), message -> {
            c.print("Server:\n");
            c.flushStdout();
            c.eprint("ERROR: " + message + "\nerrors pretty printing info\n");
            return c.exit(1);
        });
    }

    private static String first(List<String> args) {
        for (String a : args) if (!a.startsWith("-")) return a;
        return "";
    }

    /** connect(2) to the socket; a failure is printed as Docker prints it (with {@code prefix} for run). */
    private static Step connect(Libc c, String method, String path, String prefix, Supplier<Step> then, Function<String, Step> failed) {
        return c.sys(new EngineCalls.Connect(), r -> {
            if (!r.failed()) return then.get();
            if (r.errno() == Errno.EACCES) {
                return failed.apply(prefix + "permission denied while trying to connect to the Docker daemon socket at unix://" + Engine.SOCKET + ": "
                        + method + " \"" + SOCKET_URL + path + "\": dial unix " + Engine.SOCKET + ": connect: permission denied");
            }
            return failed.apply(prefix + "Cannot connect to the Docker daemon at unix://" + Engine.SOCKET + ". Is the docker daemon running?");
        });
    }

    /** ps, images, rm, logs, stop, kill: one request, its text printed. */
    private Step simple(Libc c, String command, List<String> args, String method, String path, boolean needsName) {
        if (needsName && first(args).isEmpty()) {
            c.eprint("\"docker " + command + "\" requires at least 1 argument.\nSee 'docker " + command + " --help'.\n");
            return c.exit(1);
        }
        return connect(c, method, path, "", () -> c.sys(new EngineCalls.Rpc(command, args.isEmpty() || command.equals("rm") ? args : needsName ? List.of(first(args)) : args, null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null) {
                c.print(reply.out());
                boolean clientSide = reply.error().startsWith("No such container") && !command.equals("stop");
                c.eprint((clientSide ? "Error: " : "Error response from daemon: ") + reply.error() + "\n");
                return c.exit(1);
            }
            c.print(reply.out());
            return c.exit(0);
        }), message -> {
            c.eprint(message + "\n");
            return c.exit(1);
        });
    }

    /** {@code docker rm [-f] NAME}. */
    private Step rm(Libc c, List<String> args) {
        return simple(c, "rm", args, "Delete", "/containers/" + first(args), true);
    }

    /**
     * One request whose reply carries its own error lines (Docker's client-side {@code Error: ...}
     * or the daemon's {@code Error response from daemon: ...}) and status; fewer than
     * {@code minArgs} operands is Docker's usage error.
     */
    private Step api(Libc c, String command, List<String> args, String method, String path, int minArgs, String usage, String what) {
        long operands = args.stream().filter(a -> !a.startsWith("-")).count();
        if (operands < minArgs) {
            c.eprint("\"docker " + command + "\" requires " + (minArgs == 2 ? "exactly 2 arguments" : "at least 1 argument") + ".\nSee 'docker " + command
                    + " --help'.\n\nUsage:  " + usage + "\n\n" + what + "\n");
            return c.exit(1);
        }
        return connect(c, method, path, "", () -> c.sys(new EngineCalls.Rpc(command, args, null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            c.print(reply.out());
            if (reply.error() == null) return c.exit(0);
            c.flushStdout();
            c.eprint(reply.error() + "\n");
            return c.exit(reply.data() instanceof Integer status ? status : 1);
        }), message -> {
            c.eprint(message + "\n");
            return c.exit(1);
        });
    }

    /** {@code docker volume create|ls|rm}; without a subcommand, its usage (status 0). */
    private Step volume(Libc c, List<String> args) {
        String sub = args.isEmpty() ? "" : args.get(0);
        return switch (sub) {
            case "create" -> api(c, "volume", args, "Post", "/volumes/create", 1, "", "");
            case "ls", "list" -> api(c, "volume", List.of("ls"), "Get", "/volumes", 1, "", "");
            case "rm", "remove" -> args.size() < 2 ? usageError(c, "volume rm", "docker volume rm [OPTIONS] VOLUME [VOLUME...]", "Remove one or more volumes")
                    : api(c, "volume", args, "Delete", "/volumes/" + args.get(1), 1, "", "");
            default -> {
                c.print("""

                        Usage:  docker volume COMMAND

                        Manage volumes

                        Commands:
                          create      Create a volume
                          inspect     Display detailed information on one or more volumes
                          ls          List volumes
                          prune       Remove all unused local volumes
                          rm          Remove one or more volumes

                        Run 'docker volume COMMAND --help' for more information on a command.
                        """);
                yield c.exit(0);
            }
        };
    }

    /** {@code docker network ls}. */
    private Step network(Libc c, List<String> args) {
        String sub = args.isEmpty() ? "" : args.get(0);
        if (sub.equals("ls") || sub.equals("list")) return api(c, "network", args, "Get", "/networks", 1, "", "");
        if (sub.equals("create")) {
            return args.size() < 2 ? usageError(c, "network create", "docker network create [OPTIONS] NETWORK", "Create a network")
                    : api(c, "network", args, "Post", "/networks/create", 1, "", "");
        }
        if (sub.equals("rm") || sub.equals("remove")) {
            return args.size() < 2 ? usageError(c, "network rm", "docker network rm NETWORK [NETWORK...]", "Remove one or more networks")
                    : api(c, "network", args, "Delete", "/networks/" + args.get(1), 1, "", "");
        }
        c.print("""

                Usage:  docker network COMMAND

                Manage networks

                Commands:
                  connect     Connect a container to a network
                  create      Create a network
                  disconnect  Disconnect a container from a network
                  inspect     Display detailed information on one or more networks
                  ls          List networks
                  prune       Remove all unused networks
                  rm          Remove one or more networks

                Run 'docker network COMMAND --help' for more information on a command.
                """);
        return c.exit(0);
    }

    /** {@code docker history} with no image or more than one: the client's own error (checked against docker 20.10.24). */
    private static Step historyUsage(Libc c) {
        c.eprint("\"docker history\" requires exactly 1 argument.\nSee 'docker history --help'.\n\nUsage:  docker history [OPTIONS] IMAGE\n\n"
                + "Show the history of an image\n");
        return c.exit(1);
    }

    private static Step usageError(Libc c, String command, String usage, String what) {
        c.eprint("\"docker " + command + "\" requires at least 1 argument.\nSee 'docker " + command + " --help'.\n\nUsage:  " + usage + "\n\n" + what + "\n");
        return c.exit(1);
    }

    private Step pull(Libc c, List<String> args) {
        if (first(args).isEmpty()) {
            c.eprint("\"docker pull\" requires exactly 1 argument.\nSee 'docker pull --help'.\n");
            return c.exit(1);
        }
        String image = first(args);
        Reference ref = Reference.parse(image);
        if (!image.contains(":")) c.print("Using default tag: latest\n");
        c.flushStdout();
        return connect(c, "Post", "/images/create?fromImage=" + ref.repository() + "&tag=" + ref.tag(), "", () -> c.sys(new EngineCalls.Rpc("pull", List.of(image), null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null) {
                c.eprint("Error response from daemon: " + reply.error() + "\n");
                return c.exit(1);
            }
            c.print(reply.out() + "docker.io/library/" + ref + "\n");
            return c.exit(0);
        }), message -> {
            c.eprint(message + "\n");
            return c.exit(1);
        });
    }

    /** {@code docker exec [-i] [-t] [-e K=V] CONTAINER CMD...}: the command's status is docker's. */
    private Step exec(Libc c, List<String> args) {
        List<String> env = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i++);
            if ((a.equals("-e") || a.equals("--env")) && i < args.size()) env.add(args.get(i++));
            else if (a.startsWith("--env=")) env.add(a.substring(6));
            else if (!a.matches("-[it]+|--interactive|--tty")) {
                c.eprint("unknown flag: " + a + "\nSee 'docker exec --help'.\n");
                return c.exit(125);
            }
        }
        if (args.size() - i < 2) {
            c.eprint("\"docker exec\" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\n"
                    + "Run a command in a running container\n");
            return c.exit(1);
        }
        String name = args.get(i);
        List<String> request = new ArrayList<>();
        request.add(name);
        request.addAll(env);
        request.add("--");
        request.addAll(args.subList(i + 1, args.size()));
        return connect(c, "Get", "/containers/" + name + "/json", "", () -> c.sys(new EngineCalls.Rpc("exec", request, null), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null) {
                c.eprint((reply.error().startsWith("No such container") ? "Error: " : "Error response from daemon: ") + reply.error() + "\n");
                return c.exit(1);
            }
            return c.sys(new EngineCalls.ExecWait((EngineCalls.ExecSession) reply.data()), w -> c.exitQuietly((int) w.value()));
        }), message -> {
            c.eprint(message + "\n");
            return c.exit(1);
        });
    }

    // ---- docker run ----

    private Step run(Libc c, List<String> args) {
        RunOptions.Parsed p = RunOptions.parse(args, c.args().env());
        if (p.error() != null) {
            c.eprint(p.error() + "\nSee 'docker run --help'.\n");
            return c.exit(125);
        }
        if (p.spec() == null) {
            c.eprint("\"docker run\" requires at least 1 argument.\nSee 'docker run --help'.\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\n"
                    + "Run a command in a new container\n");
            return c.exit(1);
        }
        RunSpec spec = p.spec();
        return connect(c, "Post", "/containers/create", "docker: ", () -> create(c, spec, true), message -> {
            c.eprint(message + ".\nSee 'docker run --help'.\n");
            return c.exit(message.contains("permission denied") ? 126 : 125);
        });
    }

    /** POST /containers/create (and start): a missing image is pulled first, as {@code docker run} does. */
    private static Step create(Libc c, RunSpec spec, boolean mayPull) {
        return c.sys(new EngineCalls.Rpc("run", List.of(spec.image()), spec), r -> {
            Engine.Reply reply = (Engine.Reply) r.data();
            if (reply.error() != null && reply.error().startsWith("No such image") && mayPull) {
                Reference ref = Reference.parse(spec.image());
                c.eprint("Unable to find image '" + ref + "' locally\n");
                return c.sys(new EngineCalls.Rpc("pull", List.of(spec.image()), null), pulled -> {
                    Engine.Reply pr = (Engine.Reply) pulled.data();
                    if (pr.error() != null) return daemonError(c, pr.error(), 125);
                    c.eprint(pr.out());
                    return create(c, spec, false);
                });
            }
            // runc's failures at start carry the container (its status); the CLI adds no hint to see the help for them
            if (reply.error() != null && reply.data() instanceof Container failed) {
                c.eprint("docker: Error response from daemon: " + reply.error() + (reply.error().endsWith(".") ? "" : ".") + "\n");
                return c.exit(failed.exitCode());
            }
            if (reply.error() != null) return daemonError(c, reply.error(), reply.data() instanceof Integer s ? s : 125);
            Container ct = (Container) reply.data();
            if (spec.detach()) {
                c.print(ct.id() + "\n");
                return c.exit(0);
            }
            return c.sys(new EngineCalls.WaitExit(ct), w -> c.exitQuietly((int) w.value()));
        });
    }

    /** {@code docker: Error response from daemon: ...}; the engine's own errors (125) add the hint to see the help. */
    private static Step daemonError(Libc c, String error, int status) {
        c.eprint("docker: Error response from daemon: " + error + (error.endsWith(".") ? "" : ".") + "\n" + (status == 125 ? "See 'docker run --help'.\n" : ""));
        return c.exit(status);
    }

    @Override
    public String source() {
        return "docker.io 20.10.24";
    }

    @Override
    public String usage() {
        return """

                Usage:  docker [OPTIONS] COMMAND

                A self-sufficient runtime for containers

                Management Commands:
                  container   Manage containers
                  image       Manage images
                  network     Manage networks
                  volume      Manage volumes

                Commands:
                  build       Build an image from a Dockerfile
                  exec        Run a command in a running container
                  images      List images
                  inspect     Return low-level information on Docker objects
                  kill        Kill one or more running containers
                  logs        Fetch the logs of a container
                  port        List port mappings or a specific mapping for the container
                  ps          List containers
                  pull        Pull an image or a repository from a registry
                  rm          Remove one or more containers
                  rmi         Remove one or more images
                  run         Run a command in a new container
                  stats       Display a live stream of container(s) resource usage statistics
                  stop        Stop one or more running containers
                  tag         Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE
                  top         Display the running processes of a container

                Run 'docker COMMAND --help' for more information on a command.
                """;
    }

    @Override
    public String manual() {
        return "docker COMMAND [OPTIONS]\n"
                + "  The Docker client: talks to dockerd over /var/run/docker.sock (root and the docker group only).\n"
                + "  run [--rm] [-d] [-i] [-t] [--name N] [-e K=V] [-v HOST:DIR[:ro]|VOLUME:DIR] [-p [IP:]HOST:PORT] [-m SIZE] [--pids-limit N]\n"
                + "      [--network none|bridge|host|NAME] [-h NAME] [-u USER] [-w DIR] [--entrypoint CMD] [--read-only] [--cap-add|--cap-drop CAP]\n"
                + "      [--privileged] [--device HOST[:DIR]] IMAGE [CMD...]\n"
                + "  exec [-i] [-t] [-e K=V] NAME CMD...; ps [-a] [--format T], images, pull IMAGE, rm [-f] NAME..., rmi IMAGE..., tag SRC DST,\n"
                + "  inspect [-f T] NAME..., top NAME, stats --no-stream [NAME...], port NAME [PORT], logs NAME, stop NAME, kill NAME,\n"
                + "  build [-t NAME] [--no-cache] [--build-arg K=V] [-q] DIR, volume create|ls|rm, network ls|create|rm";
    }
}
