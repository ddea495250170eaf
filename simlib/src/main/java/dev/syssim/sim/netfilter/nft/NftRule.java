package dev.syssim.sim.netfilter.nft;

import java.util.List;

/** One rule of a native nftables chain: its handle and its expressions, in order. */
public record NftRule(long handle, List<NftExpr> exprs) {

    public NftRule {
        exprs = List.copyOf(exprs);
    }
}
