/**
 * Installing the kernel for Jupyter: where a kernelspec goes ({@code --user}, {@code --sys-prefix},
 * {@code --prefix}), what its {@code kernel.json} says, and the JVM options and class-data archive
 * that make the kernel start fast and small. Uses only the JDK; {@code Main}'s {@code install} runs it.
 */
package dev.syssim.kernel.install;
