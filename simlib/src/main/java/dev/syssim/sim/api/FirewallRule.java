package dev.syssim.sim.api;

/**
 * One rule of a firewall chain with its counters, as {@code iptables -L -v -n --line-numbers}
 * shows them, at the moment they were read.
 *
 * @param number  its place in the chain, from 1
 * @param target  what it does when it matches ({@code ACCEPT}, {@code DROP}, {@code LOG}, a chain name), or "" for none
 * @param packets packets that matched it
 * @param bytes   bytes of those packets
 */
public record FirewallRule(int number, String target, long packets, long bytes) {
}
