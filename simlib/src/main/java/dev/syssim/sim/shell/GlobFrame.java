package dev.syssim.sim.shell;

import dev.syssim.sim.fs.Dirent;
import dev.syssim.sim.fs.FileType;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.prog.Fnmatch;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pathname expansion of one field: the pattern is taken a path component at a time; a component
 * with glob characters is matched against the names of each directory reached so far (read with
 * getdents, as bash's glob library does), one without is appended as it is. Names starting with a
 * dot match only a pattern that starts with one (unless {@code dotglob}); {@code .} and {@code ..}
 * never do ({@code globskipdots}); {@code **} with {@code globstar} crosses directories. The
 * matches come out sorted; none leaves the word as it was ({@code nullglob}: nothing,
 * {@code failglob}: an error).
 */
final class GlobFrame extends Frame {

    private final Marked field;
    private final Consumer<Object> out;
    private List<String> components;
    private boolean absolute;
    private int component;
    /** The paths reached so far (prefixes, each ending where the next component goes). */
    private List<String> reached;
    private List<String> next;
    private int reachedIndex;
    /** Directories ** walked into (already matched by name in their parent). */
    private final java.util.Set<String> descended = new java.util.HashSet<>();
    private boolean started;

    GlobFrame(Marked field, Consumer<Object> out) {
        this.field = field;
        this.out = out;
    }

    @Override
    Step step(Shell sh) {
        if (!started) {
            started = true;
            String pattern = field.pattern();
            absolute = pattern.startsWith("/");
            components = new ArrayList<>();
            for (String c : pattern.split("/", -1)) components.add(c);
            if (absolute) components.remove(0);
            reached = new ArrayList<>();
            reached.add(absolute ? "/" : "");
            component = 0;
            next = new ArrayList<>();
            reachedIndex = 0;
        }
        return advance(sh);
    }

    private Step advance(Shell sh) {
        while (component < components.size()) {
            String comp = components.get(component);
            boolean last = component == components.size() - 1;
            if (!hasGlob(comp, sh.st.options.extglob)) {
                String plain = unescape(comp);
                List<String> extended = new ArrayList<>();
                for (String r : reached) extended.add(join(r, plain, last));
                reached = extended;
                component++;
                continue;
            }
            if (reachedIndex < reached.size()) {
                String dir = reached.get(reachedIndex++);
                boolean globstar = sh.st.options.globstar && comp.equals("**");
                return read(sh, dir, comp, last, globstar);
            }
            reached = next;
            next = new ArrayList<>();
            reachedIndex = 0;
            component++;
        }
        boolean lastPlain = !components.isEmpty() && !hasGlob(components.get(components.size() - 1), sh.st.options.extglob);
        if (!lastPlain || reached.size() == 1 && reached.get(0).equals(absolute ? "/" : "")) return done(sh, reached);
        // plain components after a pattern were only joined on: keep the paths that exist (a trailing / keeps directories)
        List<String> existing = new ArrayList<>();
        return dev.syssim.sim.prog.Libc.forEach(reached, (path, more) -> sh.c.lstat(Bytes.toJava(path), r -> {
            if (!r.failed()) existing.add(path);
            return more.get();
        }), () -> done(sh, existing));
    }

    private Step read(Shell sh, String dir, String comp, boolean last, boolean globstar) {
        String path = dir.isEmpty() ? "." : dir;
        int flags = Fnmatch.PERIOD;
        if (sh.st.options.dotglob) flags = 0; // GLOBIGNORE turned it on when set
        if (sh.st.options.extglob) flags |= Fnmatch.EXTMATCH;
        if (sh.st.options.nocaseglob) flags |= Fnmatch.CASEFOLD;
        Fnmatch matcher = Fnmatch.compile(comp, flags, sh.utf8());
        return sh.c.listDirectory(Bytes.toJava(path), false, (err, entries) -> {
            if (err == null) {
                List<String> names = new ArrayList<>();
                for (Dirent d : entries) {
                    String name = Bytes.fromJava(d.name());
                    if (globstar) {
                        if (name.startsWith(".") && !sh.st.options.dotglob) continue;
                        if (!last && d.type() != FileType.DIRECTORY) continue;
                        names.add(name);
                    } else if (matcher.matches(name)) {
                        if (!last && d.type() != FileType.DIRECTORY && d.type() != FileType.SYMLINK) continue;
                        names.add(name);
                    }
                }
                names.sort(null);
                if (globstar) {
                    // ** matches the directory itself and everything below it; last, it names the
                    // directory as dir/ and the top directory not at all
                    if (!last) next.add(dir);
                    else if (!dir.isEmpty() && !descended.contains(dir)) next.add(dir.endsWith("/") ? dir : dir + "/");
                    for (String n : names) next.add(join(dir, n, last));
                    List<String> subdirs = new ArrayList<>();
                    for (Dirent d : entries) {
                        String n = Bytes.fromJava(d.name());
                        if (d.type() == FileType.DIRECTORY && !(n.startsWith(".") && !sh.st.options.dotglob)) subdirs.add(join(dir, n, false));
                    }
                    subdirs.sort(null);
                    // walk below: the subdirectories become more directories to read for this same component
                    for (String s : subdirs) {
                        if (reached.contains(s)) continue;
                        reached.add(reachedIndex, s);
                        descended.add(s);
                    }
                } else {
                    for (String n : names) next.add(join(dir, n, last));
                }
            }
            return sh.proceed();
        });
    }

    private static String join(String dir, String name, boolean last) {
        if (dir.isEmpty()) return name;
        if (dir.endsWith("/")) return dir + name;
        return dir + "/" + name;
    }

    private Step done(Shell sh, List<String> matches) {
        List<String> result = new ArrayList<>(new java.util.LinkedHashSet<>(matches));
        if (result.size() == 1 && result.get(0).equals(absolute ? "/" : "")) result.clear();
        result = ignore(sh, result);
        result.sort(null);
        if (result.isEmpty()) {
            if (sh.st.options.nullglob) {
                out.accept(List.of());
            } else if (sh.st.options.failglob) {
                sh.error("no match: " + field.plain());
                out.accept(null);
            } else {
                out.accept(List.of(field.plain()));
            }
        } else {
            out.accept(result);
        }
        return sh.finish(0);
    }

    /** GLOBIGNORE: matches of any of its colon-separated patterns are dropped (and . and .. always). */
    private static List<String> ignore(Shell sh, List<String> names) {
        String globignore = sh.st.vars.get("GLOBIGNORE");
        if (globignore == null || globignore.isEmpty()) return names;
        List<Fnmatch> patterns = new ArrayList<>();
        for (String p : globignore.split(":")) if (!p.isEmpty()) patterns.add(Fnmatch.compile(p, Fnmatch.PATHNAME, sh.utf8()));
        List<String> kept = new ArrayList<>();
        outer:
        for (String n : names) {
            String base = n.substring(n.lastIndexOf('/') + 1);
            if (base.equals(".") || base.equals("..")) continue;
            for (Fnmatch p : patterns) if (p.matches(n)) continue outer;
            kept.add(n);
        }
        return kept;
    }

    static boolean hasGlob(String comp, boolean extglob) {
        for (int i = 0; i < comp.length(); i++) {
            char c = comp.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (c == '*' || c == '?' || c == '[') return true;
            if (extglob && (c == '+' || c == '@' || c == '!') && i + 1 < comp.length() && comp.charAt(i + 1) == '(') return true;
        }
        return false;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
            out.append(c);
        }
        return out.toString();
    }
}
