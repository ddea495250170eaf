/**
 * Homework that grades itself: the {@code %%check} language (a header {@code NAME [--points N]}
 * and one expectation per line), how a check is evaluated against a world it may not change (a
 * {@link dev.syssim.kernel.homework.Probe}), the pass/fail table, and the course workflow around it —
 * nbgrader-format notebooks, the student release ({@code assign}) and the batch grader
 * ({@code grade}) with its JSON and CSV reports. It uses Gson and the kernel's
 * {@link dev.syssim.kernel.eval.Interpreter}; the evaluator ({@code eval}) and {@code Main} use it.
 */
package dev.syssim.kernel.homework;
