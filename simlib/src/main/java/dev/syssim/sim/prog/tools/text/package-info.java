/**
 * Text: the filters pipelines are made of and the commands that print text — cat, head, tail, wc,
 * sort, uniq, cut, tr, tee, seq, yes, echo, printf, test/[, true/false, expr, paste, join, comm,
 * tac, fold, expand, unexpand, nl, split, csplit, shuf (coreutils 9.1), rev and column (util-linux
 * 2.38), grep and egrep/fgrep (3.8) and the pagers less (590) and more (util-linux 2.38.1). They
 * work on bytes, and on UTF-8 characters where GNU's tools do under C.UTF-8; grep -P alone uses
 * java.util.regex (see GrepPerl). Registered in {@link dev.syssim.sim.prog.tools.text.TextTools};
 * uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.text;
