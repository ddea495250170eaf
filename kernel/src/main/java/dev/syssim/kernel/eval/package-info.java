/**
 * The interpreter side of the kernel, apart from how messages travel (as in xeus and ipykernel):
 * {@link dev.syssim.kernel.eval.Interpreter} is what the protocol layer calls, and
 * {@link dev.syssim.kernel.eval.CellIO} is how a running cell talks back. Testable without sockets.
 */
package dev.syssim.kernel.eval;
