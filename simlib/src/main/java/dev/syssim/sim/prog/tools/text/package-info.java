/**
 * Text: the filters pipelines are made of and the commands that print text — cat, head, tail, wc,
 * sort, uniq, cut, tr, tee, seq, yes, echo, true/false (coreutils 9.1), grep (3.8) and the pager
 * less (590). Registered in {@link dev.syssim.sim.prog.tools.text.TextTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.text;
