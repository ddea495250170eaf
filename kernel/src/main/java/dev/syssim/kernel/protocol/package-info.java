/**
 * The Jupyter messaging protocol (5.3) over ZeroMQ: sockets, signed wire frames, the shell, control,
 * stdin, iopub and heartbeat channels, and the history store. It uses JeroMQ and Gson's JSON tree,
 * and calls the cell evaluator only through {@link dev.syssim.kernel.eval.Interpreter}; {@code Main}
 * starts it with {@link dev.syssim.kernel.protocol.Kernel}.
 */
package dev.syssim.kernel.protocol;
