/**
 * The machinery behind {@link dev.syssim.sim.prog.Regex}: GNU regular expressions as glibc's
 * regcomp parses them (its syntax bits, its error messages), compiled to a small program of
 * instructions and run by two matchers that never use Java's stack for the subject's length — a
 * Pike VM for the leftmost-longest span, and an explicit-stack backtracker for the groups and for
 * back-references. Pure Java over bytes; nothing here knows about processes or files.
 */
package dev.syssim.sim.prog.regex;
