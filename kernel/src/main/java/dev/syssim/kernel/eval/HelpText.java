package dev.syssim.kernel.eval;

/** What {@code %help} says about cells before it lists the magics. */
final class HelpText {

    static final String OVERVIEW = """
            SysSim: every cell is typed into the shell of a simulated Debian machine.

            A cell is bash: commands, quotes, $VAR, $?, ;, &&, ||, pipes |, redirections < > >> 2> 2>&1,
            here-documents, & and wait, if/for/while, functions. Every command is a process of the
            simulated machine; its output appears as it is written. A nonzero exit status is shown, not an
            error: check it with `echo $?`. `help` lists the shell's builtins; `man CMD` or `CMD --help`
            explains a program; `ls /usr/bin` shows them all.

            %trace syscalls (or interrupts, or full) shows under each cell what happened underneath:
            syscalls, interrupts, mode switches, devices, packets. Time in the simulation is logical: the
            same notebook gives the same outputs every time. Interrupt the kernel to stop a running job (^C).

            %%java on a cell's first line makes it Java, run over the same world: world, machine and sh
            are the notebook's; sh.run("ls -l") runs a command line and returns its status, stdout,
            stderr and trace. In the SysSim (Java) kernel every cell is Java, and %%sh makes a shell cell.
            """;

    private HelpText() {
    }
}
