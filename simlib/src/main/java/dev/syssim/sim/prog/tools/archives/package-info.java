/**
 * Archives: packing files into one and compressing them — tar (GNU tar 1.34), gzip, gunzip and zcat
 * (gzip 1.12). The formats are the real ones (java.util.zip's deflate, Apache Commons Compress's tar
 * records), so an archive made here unpacks with the real tools. Registered in {@link
 * dev.syssim.sim.prog.tools.archives.ArchiveTools}; uses {@code prog}.
 */
package dev.syssim.sim.prog.tools.archives;
