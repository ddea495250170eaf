package dev.syssim.sim.shell;

import dev.syssim.sim.os.Errno;
import dev.syssim.sim.os.OpenFlags;
import dev.syssim.sim.os.Step;
import dev.syssim.sim.os.SysResult;
import dev.syssim.sim.os.Syscall;
import dev.syssim.sim.shell.arith.ArithResult;
import dev.syssim.sim.shell.syntax.Ast;
import dev.syssim.sim.shell.syntax.Ast.RedirectOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Redirections around a command the shell runs itself (a builtin, a function, a compound command):
 * each target is expanded, the descriptor it replaces is saved ({@code fcntl F_DUPFD_CLOEXEC, 10}),
 * the file opened or the descriptor copied; after the command every saved descriptor is put back
 * (dup2 and close), also when {@code break}, {@code return} or {@code exit} unwinds through it. In a
 * child about to exec ({@code keep}) nothing is saved; for {@code exec} without a command the
 * redirections stay for good.
 */
final class RedirectFrame extends Frame {

    enum Mode { SAVE, KEEP }

    private final List<Ast.Redirect> redirects;
    private final Frame body;

    /** The frame the redirections are for (null: exec's redirections alone). */
    Frame body() {
        return body;
    }
    private final Mode mode;
    /** fd to the copy it was saved in (-1: it was closed before). */
    private final List<int[]> saved = new ArrayList<>();
    private int index;
    private int phase;
    private String target;
    private int status;
    private boolean failed;
    private Runnable afterRestore;
    /** The redirection being performed's continuation (0, or 1 after bash's message). */
    private IntFunction<Step> performed;
    /** The copy this redirection saved a descriptor into below 10 (-1: none): see {@link #openInto}. */
    private int lowCopy = -1;

    RedirectFrame(List<Ast.Redirect> redirects, Frame body) {
        this(redirects, body, Mode.SAVE);
    }

    RedirectFrame(List<Ast.Redirect> redirects, Frame body, Mode mode) {
        this.redirects = redirects;
        this.body = body;
        this.mode = mode;
    }

    @Override
    Step step(Shell sh) {
        switch (phase) {
            case 0 -> {
                return nextRedirect(sh);
            }
            case 1 -> {
                // the target word has been expanded into `target`
                return perform(sh, redirects.get(index), status -> {
                    if (status != 0) {
                        failed = true;
                        int failure = sh.st.dash ? 2 : 1; // dash's every redirection error
                        return restoreAll(sh, () -> sh.finish(failure));
                    }
                    index++;
                    phase = 0;
                    return sh.proceed();
                });
            }
            case 2 -> {
                // the body ran
                phase = 3;
                int result = childStatus;
                if (body == null) return sh.finish(result);
                return restoreAll(sh, () -> sh.finish(result));
            }
            default -> {
                return sh.finish(childStatus);
            }
        }
    }

    /** True when a redirection failed: the command did not run. */
    boolean failed() {
        return failed;
    }

    private Step nextRedirect(Shell sh) {
        if (index >= redirects.size()) {
            phase = 2;
            if (body == null) {
                childStatus = 0;
                return Shell.CONTINUE;
            }
            sh.push(body);
            return Shell.CONTINUE;
        }
        Ast.Redirect r = redirects.get(index);
        phase = 1;
        if (r.op() == RedirectOp.HEREDOC || r.op() == RedirectOp.HEREDOC_STRIP) {
            Ast.Word bodyWord = r.heredoc().body();
            if (bodyWord == null) bodyWord = new Ast.Word(List.of(), "");
            sh.push(new WordFrame(bodyWord, WordFrame.Mode.STRING, result -> target = result.get(0)));
            return Shell.CONTINUE;
        }
        if (r.op() == RedirectOp.HERESTRING) {
            sh.push(new WordFrame(r.target(), WordFrame.Mode.STRING, result -> target = result.get(0) + "\n"));
            return Shell.CONTINUE;
        }
        sh.push(new WordFrame(r.target(), WordFrame.Mode.REDIRECT, result -> {
            target = result.size() == 1 ? result.get(0) : null;
        }));
        return Shell.CONTINUE;
    }

    private int defaultFd(Ast.Redirect r) {
        if (r.fd() >= 0) return r.fd();
        return switch (r.op()) {
            case IN, READ_WRITE, DUP_IN, HEREDOC, HEREDOC_STRIP, HERESTRING -> 0;
            default -> 1;
        };
    }

    /** Does one redirection with its expanded target; {@code k} gets 0, or 1 after bash's message. */
    private Step perform(Shell sh, Ast.Redirect r, IntFunction<Step> k) {
        performed = k;
        lowCopy = -1;
        if (r.op() == RedirectOp.HEREDOC || r.op() == RedirectOp.HEREDOC_STRIP || r.op() == RedirectOp.HERESTRING) {
            return save(sh, r, defaultFd(r), fd -> hereDocument(sh, target, fd, k));
        }
        if (target == null) {
            sh.error(r.target().text() + ": ambiguous redirect");
            return k.apply(1);
        }
        String path = target;
        switch (r.op()) {
            case DUP_IN, DUP_OUT -> {
                if (path.equals("-") && r.fdVariable() != null) return closeHeld(sh, r.fdVariable(), k);
                if (path.equals("-")) return save(sh, r, defaultFd(r), fd -> sh.c.sys(new Syscall.Close(fd), x -> k.apply(0)));
                boolean move = path.endsWith("-") && path.length() > 1 && path.substring(0, path.length() - 1).chars().allMatch(Character::isDigit);
                String number = move ? path.substring(0, path.length() - 1) : path;
                if (!number.isEmpty() && number.chars().allMatch(Character::isDigit)) {
                    int from = parseFd(number);
                    return save(sh, r, defaultFd(r), fd -> duplicate(sh, from, fd, move, k));
                }
                if (r.op() == RedirectOp.DUP_IN || r.fd() >= 0 && r.fd() != 1) {
                    sh.error(path + ": ambiguous redirect");
                    return k.apply(1);
                }
                // >& file: standard output and error to the file
                return save(sh, r, 1, fd -> save2(sh, () -> openInto(sh, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 1,
                        true, status -> status != 0 ? k.apply(status) : sh.c.sys(new Syscall.Dup2(1, 2), x -> k.apply(0)))));
            }
            case OUT_ERR, APPEND_ERR -> {
                int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (r.op() == RedirectOp.APPEND_ERR ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
                return save(sh, r, 1, fd -> save2(sh, () -> openInto(sh, path, flags, 1, r.op() == RedirectOp.OUT_ERR,
                        status -> status != 0 ? k.apply(status) : sh.c.sys(new Syscall.Dup2(1, 2), x -> k.apply(0)))));
            }
            case IN -> {
                return save(sh, r, defaultFd(r), fd -> openInto(sh, path, OpenFlags.O_RDONLY, fd, false, k));
            }
            case APPEND -> {
                return save(sh, r, defaultFd(r), fd -> openInto(sh, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND, fd, false, k));
            }
            case READ_WRITE -> {
                return save(sh, r, defaultFd(r), fd -> openInto(sh, path, OpenFlags.O_RDWR | OpenFlags.O_CREAT, fd, false, k));
            }
            case CLOBBER -> {
                return save(sh, r, defaultFd(r), fd -> openInto(sh, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, fd, false, k));
            }
            default -> {
                return save(sh, r, defaultFd(r), fd -> openInto(sh, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, fd, true, k));
            }
        }
    }

    private static int parseFd(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Saves stderr too (for {@code &>} and {@code >&file}), then goes on. */
    private Step save2(Shell sh, Supplier<Step> next) {
        return saveFd(sh, 2, next);
    }

    /**
     * Saves descriptor {@code fd} (unless already saved, or in KEEP mode), then calls {@code next}
     * with the descriptor to redirect. A {@code {var}} redirection gets a new descriptor >= 10
     * instead, which is never restored.
     */
    private Step save(Shell sh, Ast.Redirect r, int fd, IntFunction<Step> next) {
        if (r.fdVariable() != null) return next.apply(-1);
        if (fd > 1024 * 1024) {
            sh.error(fd + ": Bad file descriptor");
            return next.apply(fd);
        }
        return saveFd(sh, fd, () -> next.apply(fd));
    }

    private Step saveFd(Shell sh, int fd, Supplier<Step> next) {
        if (mode == Mode.KEEP) return next.get();
        for (int[] pair : saved) if (pair[0] == fd) return next.get();
        return sh.c.sys(new Syscall.Fcntl(fd, Syscall.Fcntl.F_DUPFD_CLOEXEC, 10), r -> {
            if (!r.failed() || r.errno() == Errno.EBADF) {
                saved.add(new int[] {fd, r.failed() ? -1 : r.intValue()});
                return next.get();
            }
            // no descriptor free from 10 up (or RLIMIT_NOFILE is below 10: EINVAL): bash's
            // add_undo_redirect then takes the lowest free one
            return sh.c.sys(new Syscall.Fcntl(fd, Syscall.Fcntl.F_DUPFD_CLOEXEC, 0), low -> {
                if (low.failed()) return cannotSave(sh, low.errno());
                saved.add(new int[] {fd, low.intValue()});
                lowCopy = low.intValue();
                return next.get();
            });
        });
    }

    /** bash's two messages when the descriptor to redirect cannot be saved; the redirection fails. */
    private Step cannotSave(Shell sh, Errno errno) {
        sh.sysError("redirection error: cannot duplicate fd: " + errno.message());
        sh.error(target + ": " + errno.message());
        return performed.apply(1);
    }

    private Step duplicate(Shell sh, int from, int to, boolean move, IntFunction<Step> k) {
        if (to < 0) {
            return sh.c.sys(new Syscall.Fcntl(from, Syscall.Fcntl.F_DUPFD, 10), r -> {
                if (r.failed()) {
                    if (!sh.st.dash) sh.sysError("redirection error: cannot duplicate fd: " + r.errno().message());
                    sh.error(from + ": " + r.errno().message());
                    return k.apply(1);
                }
                return assignVariable(sh, r.intValue(), k);
            });
        }
        if (from == to) {
            return sh.c.sys(new Syscall.Fcntl(from, Syscall.Fcntl.F_GETFD, 0), r -> {
                if (r.failed()) {
                    sh.error(from + ": Bad file descriptor");
                    return k.apply(1);
                }
                return k.apply(0);
            });
        }
        return sh.c.sys(new Syscall.Dup2(from, to), r -> {
            if (r.failed()) {
                sh.error(from + ": Bad file descriptor");
                return k.apply(1);
            }
            if (move) return sh.c.sys(new Syscall.Close(from), x -> k.apply(0));
            return k.apply(0);
        });
    }

    /** {@code {var}>&-}: closes the descriptor the variable (or array element) holds. */
    private Step closeHeld(Shell sh, String ref, IntFunction<Step> k) {
        String value = heldValue(sh, ref);
        Long fd = value == null ? null : Flow.number(value);
        if (fd == null || fd < 0 || fd > Integer.MAX_VALUE) {
            sh.error(ref + ": ambiguous redirect");
            return k.apply(1);
        }
        return sh.c.sys(new Syscall.Close(fd.intValue()), x -> k.apply(0));
    }

    private static String heldValue(Shell sh, String ref) {
        int bracket = ref.indexOf('[');
        if (bracket < 0) return sh.st.vars.get(ref);
        Variable v = sh.st.vars.find(ref.substring(0, bracket));
        String subscript = ref.substring(bracket + 1, ref.length() - 1);
        if (v == null) return null;
        if (v.isAssoc()) return v.assoc.get(subscript);
        ArithResult r = sh.arithmetic.evaluate(subscript, new ArithBridge(sh));
        if (!(r instanceof ArithResult.Value iv)) return null;
        if (v.indexed != null) return v.indexed.get(iv.value());
        return iv.value() == 0 ? v.value : null;
    }

    private Step assignVariable(Shell sh, int fd, IntFunction<Step> k) {
        Ast.Redirect r = redirects.get(index);
        String ref = r.fdVariable();
        int bracket = ref.indexOf('[');
        String error = bracket < 0 ? Assign.scalar(sh, ref, Integer.toString(fd), false)
                : Assign.element(sh, ref.substring(0, bracket), ref.substring(bracket + 1, ref.length() - 1), Integer.toString(fd), false);
        if (error != null) {
            sh.error(error);
            return k.apply(1);
        }
        return k.apply(0);
    }

    /** Opens {@code path} onto descriptor {@code fd} (-1: a new one >= 10 for {@code {var}}). */
    private Step openInto(Shell sh, String path, int flags, int fd, boolean noclobberApplies, IntFunction<Step> k) {
        String javaPath = Bytes.toJava(path);
        java.util.function.Function<SysResult, Step> opened = r -> {
            if (r.failed()) {
                if (r.errno() == Errno.EMFILE && lowCopy >= 0 && !sh.st.dash) return openedFirst(sh, javaPath, flags);
                if (sh.st.dash) {
                    sh.error(Dash.openError(path, (flags & OpenFlags.O_CREAT) != 0, r.errno()));
                    return k.apply(1);
                }
                String message = r.errno() == Errno.EEXIST && noclobberApplies ? "cannot overwrite existing file" : r.errno().message();
                sh.error(path + ": " + message);
                return k.apply(1);
            }
            int got = r.intValue();
            if (fd < 0) {
                return sh.c.sys(new Syscall.Fcntl(got, Syscall.Fcntl.F_DUPFD, 10), d -> sh.c.close(got, () -> {
                    if (d.failed()) {
                        if (!sh.st.dash) sh.sysError("redirection error: cannot duplicate fd: " + d.errno().message());
                        sh.error(path + ": " + d.errno().message());
                        return k.apply(1);
                    }
                    return assignVariable(sh, d.intValue(), k);
                }));
            }
            if (got == fd) return k.apply(0);
            return sh.c.sys(new Syscall.Dup2(got, fd), x -> sh.c.close(got, () -> {
                if (!x.failed() || sh.st.dash) return k.apply(0); // dash goes on without the descriptor, silently
                // a descriptor at or above RLIMIT_NOFILE: bash names the descriptor for EBADF
                sh.error((x.errno() == Errno.EBADF ? String.valueOf(fd) : path) + ": " + x.errno().message());
                return k.apply(1);
            }));
        };
        if (noclobberApplies && sh.st.options.noclobber) {
            // set -C: an existing regular file is not overwritten (O_EXCL unless it is a device or the like)
            return sh.c.statOf(javaPath, true, (err, st) -> {
                if (err == null && st.type() == dev.syssim.sim.fs.FileType.REGULAR) {
                    sh.error(sh.st.dash ? Dash.openError(path, true, Errno.EEXIST) : path + ": cannot overwrite existing file");
                    return k.apply(1);
                }
                int f = err == null ? flags : flags | OpenFlags.O_EXCL;
                return sh.c.create(javaPath, f & ~OpenFlags.O_CREAT, 0666, opened);
            });
        }
        if ((flags & OpenFlags.O_CREAT) != 0) return sh.c.create(javaPath, flags & ~OpenFlags.O_CREAT, 0666, opened);
        return sh.c.open(javaPath, flags, opened);
    }

    /**
     * The open failed for want of a descriptor because saving the old one took the last free one.
     * bash opens first and saves after, so there the open succeeds (creating the file) and the save
     * fails: give the copy back, open the file as bash would have, close it, and say what bash says.
     */
    private Step openedFirst(Shell sh, String javaPath, int flags) {
        int copy = lowCopy;
        saved.removeIf(pair -> pair[1] == copy);
        lowCopy = -1;
        java.util.function.Function<SysResult, Step> thenFail = o -> o.failed()
                ? cannotSave(sh, Errno.EMFILE)
                : sh.c.close(o.intValue(), () -> cannotSave(sh, Errno.EMFILE));
        return sh.c.close(copy, () -> (flags & OpenFlags.O_CREAT) != 0
                ? sh.c.create(javaPath, flags & ~OpenFlags.O_CREAT, 0666, thenFail)
                : sh.c.open(javaPath, flags, thenFail));
    }

    /** A here-document or here-string: its text through a pipe onto the descriptor, as bash 5.2 does for short ones. */
    private Step hereDocument(Shell sh, String text, int fd, IntFunction<Step> k) {
        return sh.c.sys(new Syscall.Pipe2(0), p -> {
            if (p.failed()) {
                // bash 5.2 says "temp file" for its pipe too (redir.c: one HEREDOC_REDIRECT error for both)
                sh.error("cannot create temp file for here-document: " + p.errno().message());
                return k.apply(1);
            }
            int[] fds = Syscall.Pipe2.fds(p);
            return sh.c.writeAll(fds[1], Bytes.of(text), w -> sh.c.close(fds[1], () -> {
                if (fd < 0) {
                    return sh.c.sys(new Syscall.Fcntl(fds[0], Syscall.Fcntl.F_DUPFD, 10), d -> sh.c.close(fds[0], () ->
                            d.failed() ? k.apply(1) : assignVariable(sh, d.intValue(), k)));
                }
                if (fds[0] == fd) return k.apply(0);
                return sh.c.sys(new Syscall.Dup2(fds[0], fd), d -> sh.c.close(fds[0], () -> k.apply(0)));
            }));
        });
    }

    /** Puts every saved descriptor back, newest first. */
    private Step restoreAll(Shell sh, Supplier<Step> next) {
        if (mode == Mode.KEEP || saved.isEmpty()) return next.get();
        List<int[]> pairs = new ArrayList<>(saved);
        saved.clear();
        java.util.Collections.reverse(pairs);
        return restore(sh, pairs, 0, next);
    }

    private Step restore(Shell sh, List<int[]> pairs, int i, Supplier<Step> next) {
        if (i >= pairs.size()) return next.get();
        int[] pair = pairs.get(i);
        if (pair[1] < 0) return sh.c.sys(new Syscall.Close(pair[0]), r -> restore(sh, pairs, i + 1, next));
        return sh.c.sys(new Syscall.Dup2(pair[1], pair[0]), r -> sh.c.close(pair[1], () -> restore(sh, pairs, i + 1, next)));
    }

    @Override
    Step unwind(Shell sh) {
        int result = childStatus;
        if (phase >= 3) return sh.finish(result);
        phase = 3;
        return restoreAll(sh, () -> sh.finish(result));
    }
}
