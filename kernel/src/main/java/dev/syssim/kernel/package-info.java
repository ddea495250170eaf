/**
 * The kernel jar's entry point: {@link dev.syssim.kernel.Main} runs the kernel on a connection file
 * or installs its kernelspec. The rooms below it are {@code protocol} (Jupyter messaging),
 * {@code eval} (the cell evaluator) and {@code install} (kernelspec and start-up tuning).
 */
package dev.syssim.kernel;
