package dev.syssim.sim.container;

import dev.syssim.sim.fs.ExecImage;
import dev.syssim.sim.fs.FileSystem;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.fs.Inode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The simulated offline registry (Docker Hub's {@code library/} images as a mirror inside the
 * world): {@code busybox}; {@code debian} (bookworm, also {@code 12} and the {@code -slim} tags:
 * the same minbase tree here), Debian's minbase as the isolation room's debootstrap installs it;
 * {@code nginx}, that tree with nginx serving port 80 ({@code container.tools.Nginx});
 * and {@code alpine}, an Alpine-like root — a static busybox with its
 * applet links, the musl loader {@code /lib/ld-musl-x86_64.so.1}, {@code /etc/alpine-release} and
 * {@code /etc/os-release}. Digests and ids are sha256 sums of the image's name, so they look real
 * and are the same on every run.
 *
 * <p>Simplifications against Docker Hub: no network, no manifests or blobs to fetch (an image's
 * tree is built in place); each image is one layer; Alpine's busybox is static here (the real one
 * links musl, through the loader that is present).
 */
public final class Registry {

    /**
     * The applets the simulation's busybox runs (its own and those it borrows from the simulated GNU
     * tools), linked in /bin. Simplification: Alpine and the busybox image spread the links over /bin,
     * /sbin, /usr/bin and /usr/sbin; here they are all in /bin, which every PATH holds.
     */
    static final List<String> APPLETS = dev.syssim.sim.prog.tools.busybox.Busybox.ALL;
    private static final long BUILT = 1_764_000_000L; // late November 2025, before the machines' boot date

    private Registry() {
    }


    /** The repositories the mirror serves. */
    public static boolean has(String repository) {
        return repository.equals("alpine") || repository.equals("busybox") || repository.equals("debian") || repository.equals("nginx");
    }

    /** The tags a repository has on the mirror. */
    public static boolean hasTag(String repository, String tag) {
        return switch (repository) {
            case "alpine" -> tag.equals("latest") || tag.equals("3.18") || tag.equals("3.18.4");
            case "busybox" -> tag.equals("latest") || tag.equals("1.36");
            case "debian" -> List.of("latest", "bookworm", "12", "bookworm-slim", "12-slim").contains(tag);
            case "nginx" -> List.of("latest", "1.25", "1.25.3").contains(tag);
            default -> false;
        };
    }

    /** The image {@code repository:tag}, freshly built (null if the mirror has no such tag). */
    public static Image fetch(String repository, String tag) {
        if (!hasTag(repository, tag)) return null;
        return switch (repository) {
            case "alpine" -> new Image("alpine", List.of(tag), "sha256:" + sha256("image alpine"), "sha256:" + sha256("manifest alpine"),
                    List.of(sha256("layer alpine").substring(0, 12)), List.of("/bin/sh"), Map.of(), 7_330_000, BUILT, alpineRoot(),
                    ImageConfig.NONE, "");
            case "busybox" -> new Image("busybox", List.of(tag), "sha256:" + sha256("image busybox"), "sha256:" + sha256("manifest busybox"),
                    List.of(sha256("layer busybox").substring(0, 12)), List.of("sh"), Map.of(), 4_260_000, BUILT - 86_400 * 30, busyboxRoot(),
                    ImageConfig.NONE, "");
            // Docker Hub's debian image is a debootstrap --variant=minbase of the suite, CMD ["bash"]
            case "debian" -> {
                String flavour = tag.contains("slim") ? "debian slim" : "debian";
                yield new Image("debian", List.of(tag), "sha256:" + sha256("image " + flavour), "sha256:" + sha256("manifest " + flavour),
                        List.of(sha256("layer " + flavour).substring(0, 12)), List.of("bash"), Map.of(), tag.contains("slim") ? 74_800_000 : 116_500_000,
                        BUILT - 86_400 * 7, debianRoot(), ImageConfig.NONE, "");
            }
            // the official image: Debian with nginx, which it runs in the foreground; EXPOSE 80
            case "nginx" -> new Image("nginx", List.of(tag), "sha256:" + sha256("image nginx"), "sha256:" + sha256("manifest nginx"),
                    List.of(sha256("layer nginx").substring(0, 12), sha256("layer nginx 2").substring(0, 12)), List.of("nginx", "-g", "daemon off;"),
                    Map.of("NGINX_VERSION", "1.25.3"), 187_000_000, BUILT - 86_400 * 14, nginxRoot(),
                    new ImageConfig(List.of(), "", "", List.of("80/tcp"), Map.of("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")), "");
            default -> null;
        };
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The sha256 of some bytes in hex, as Docker writes digests (a COPY source's checksum in the build cache). */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem alpineRoot() {
        FileSystem fs = base();
        Inode root = fs.root();
        Inode bin = dir(fs, root, "bin", 0755);
        fs.createFile(bin, "busybox", 0755, 0, 0, ExecImage.staticImage("busybox", 1_936).toBytes());
        for (String a : APPLETS) fs.symlink(bin, a, "/bin/busybox", 0, 0);
        Inode lib = dir(fs, root, "lib", 0755);
        fs.createFile(lib, "ld-musl-x86_64.so.1", 0755, 0, 0, ExecImage.library("libc.musl-x86_64.so.1").toBytes());
        fs.symlink(lib, "libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1", 0, 0);
        Inode etc = fs.lookup(null, root, "etc");
        text(fs, etc, "alpine-release", "3.18.4\n");
        text(fs, etc, "os-release", """
                NAME="Alpine Linux"
                ID=alpine
                VERSION_ID=3.18.4
                PRETTY_NAME="Alpine Linux v3.18"
                HOME_URL="https://alpinelinux.org/"
                BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
                """);
        text(fs, etc, "passwd", "root:x:0:0:root:/root:/bin/ash\nbin:x:1:1:bin:/bin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n");
        text(fs, etc, "group", "root:x:0:root\nbin:x:1:root,bin,daemon\nnobody:x:65534:\n");
        for (String d : List.of("home", "media", "mnt", "opt", "root", "run", "sbin", "srv", "usr", "var")) dir(fs, root, d, d.equals("root") ? 0700 : 0755);
        return fs;
    }

    /** The minbase files the isolation room's debootstrap installs, in the image's tree. */
    private static FileSystem debianRoot() {
        FileSystem fs = base();
        dev.syssim.sim.prog.tools.isolation.MinbaseTree.write(fs);
        return fs;
    }

    /** Debian's minbase with nginx: the program, its pages and its configuration's directory. */
    private static FileSystem nginxRoot() {
        FileSystem fs = debianRoot();
        Inode root = fs.root();
        Inode usr = fs.lookup(null, root, "usr");
        Inode sbin = usr.entries().get("sbin");
        fs.createFile(sbin, "nginx", 0755, 0, 0, ExecImage.dynamic("nginx", 8_000, "libc.so.6").toBytes());
        Inode share = usr.entries().get("share");
        if (share == null) share = dir(fs, usr, "share", 0755);
        Inode html = dir(fs, dir(fs, share, "nginx", 0755), "html", 0755);
        text(fs, html, "index.html", """
                <!DOCTYPE html>
                <html>
                <head>
                <title>Welcome to nginx!</title>
                </head>
                <body>
                <h1>Welcome to nginx!</h1>
                <p>If you see this page, the nginx web server is successfully installed and
                working. Further configuration is required.</p>
                </body>
                </html>
                """);
        Inode etc = fs.lookup(null, root, "etc");
        text(fs, dir(fs, etc, "nginx", 0755), "nginx.conf", "user  nginx;\nworker_processes  auto;\npid        /var/run/nginx.pid;\n");
        return fs;
    }

    private static FileSystem busyboxRoot() {
        FileSystem fs = base();
        Inode root = fs.root();
        Inode bin = dir(fs, root, "bin", 0755);
        Inode busybox = fs.createFile(bin, "busybox", 0755, 0, 0, ExecImage.staticImage("busybox", 1_936).toBytes());
        // the busybox image links every applet to the one file (hard links, not symlinks)
        for (String a : APPLETS) fs.link(bin, a, busybox);
        Inode etc = fs.lookup(null, root, "etc");
        text(fs, etc, "passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n");
        text(fs, etc, "group", "root:x:0:\nnobody:x:65534:\n");
        dir(fs, root, "root", 0700);
        dir(fs, root, "home", 0755);
        dir(fs, root, "var", 0755);
        dir(fs, root, "usr", 0755);
        return fs;
    }

    /**
     * What every image has: /etc, /proc, /sys, /tmp, and the /dev Docker gives a container — the
     * default devices of runc's allow-list and the standard links. (Docker mounts a tmpfs on /dev
     * and makes the nodes at each start; here the nodes come with the root: the same listing.)
     */
    private static FileSystem base() {
        FileSystem fs = new FileSystem("overlay", "overlay", 0, false, 1);
        Inode root = fs.root();
        root.setPermissions(0755);
        dir(fs, root, "etc", 0755);
        dir(fs, root, "proc", 0555);
        dir(fs, root, "sys", 0555);
        dir(fs, root, "tmp", 01777);
        Inode dev = dir(fs, root, "dev", 0755);
        int[][] nodes = {{1, 3}, {1, 5}, {1, 7}, {1, 8}, {1, 9}, {5, 0}, {5, 2}};
        String[] names = {"null", "zero", "full", "random", "urandom", "tty", "ptmx"};
        for (int i = 0; i < names.length; i++) fs.mknod(dev, names[i], FileType.CHAR_DEVICE, 0666, nodes[i][0], nodes[i][1], 0, 0);
        dir(fs, dev, "pts", 0755);
        dir(fs, dev, "shm", 01777);
        dir(fs, dev, "mqueue", 01777);
        fs.symlink(dev, "fd", "/proc/self/fd", 0, 0);
        fs.symlink(dev, "stdin", "/proc/self/fd/0", 0, 0);
        fs.symlink(dev, "stdout", "/proc/self/fd/1", 0, 0);
        fs.symlink(dev, "stderr", "/proc/self/fd/2", 0, 0);
        return fs;
    }

    private static Inode dir(FileSystem fs, Inode parent, String name, int mode) {
        Inode d = fs.mkdir(parent, name, mode, 0, 0);
        d.setPermissions(mode);
        return d;
    }

    private static void text(FileSystem fs, Inode dir, String name, String content) {
        fs.createFile(dir, name, 0644, 0, 0, content.getBytes(StandardCharsets.UTF_8));
    }
}
