package dev.syssim.sim.netfilter.ipset;

/**
 * What the kernel answers to adding, deleting or testing a member: success or one of ipset's own
 * error codes ({@code IPSET_ERR_*}), which the tool turns into its messages.
 */
public enum SetResult {
    OK,
    /** {@code IPSET_ERR_EXIST} on add: the member is there already. */
    ALREADY_ADDED,
    /** {@code IPSET_ERR_EXIST} on delete: the member is not there. */
    NOT_ADDED,
    /** {@code IPSET_ERR_HASH_FULL}: {@code maxelem} members already. */
    HASH_FULL,
    /** {@code IPSET_ERR_BITMAP_RANGE}: a port outside the bitmap's range. */
    OUT_OF_RANGE
}
