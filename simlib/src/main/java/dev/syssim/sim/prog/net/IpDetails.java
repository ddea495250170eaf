package dev.syssim.sim.prog.net;

import dev.syssim.sim.net.socket.Netlink;
import java.util.List;

/**
 * The lines {@code ip -d link} adds under an interface (iproute2 6.1): the promiscuity line, the
 * kind's own line ({@code veth}, {@code tun type tap ...}, {@code bridge forward_delay ...}) and, for
 * a bridge port, its {@code bridge_slave} line. The bridge's values are Linux's defaults, which the
 * simulation does not let anyone change; its timers read 0.00 (no STP runs, and the simulation keeps
 * no garbage-collection timer: a real bridge shows {@code gc_timer} counting down).
 */
final class IpDetails {

    private IpDetails() {
    }

    /** What -d adds: the rest of the link/ether line (from its end), then the kind's lines; ends with a newline. */
    static String of(Netlink.LinkInfo link, List<Netlink.LinkInfo> all) {
        if (link.loopback()) return " promiscuity 0  allmulti 0 minmtu 0 maxmtu 0 addrgenmode eui64 numtxqueues 1 numrxqueues 1"
                + " gso_max_size 65536 gso_max_segs 65535 tso_max_size 524280 tso_max_segs 65535 gro_max_size 65536 \n";
        boolean port = link.master() != null;
        String kind = link.kind();
        StringBuilder b = new StringBuilder();
        b.append(" promiscuity ").append(port ? 1 : 0).append("  allmulti ").append(port ? 1 : 0)
                .append(" minmtu 68 maxmtu ").append("tun".equals(kind) ? "65521" : "65535").append(" ");
        if ("veth".equals(kind)) b.append("\n    veth ");
        if ("tun".equals(kind)) b.append("\n    tun type tap pi off vnet_hdr off persist on ");
        if ("bridge".equals(kind)) b.append("\n    bridge ").append(bridgeLine(link.mac())).append(' ');
        if (port) {
            Netlink.LinkInfo master = all.stream().filter(l -> l.name().equals(link.master())).findFirst().orElse(null);
            String id = master == null ? "" : bridgeId(master.mac());
            int no = link.portNumber();
            b.append("\n    bridge_slave state ").append(link.portState()).append(" priority 32 cost 2 hairpin off guard off root_block off")
                    .append(" fastleave off learning on flood on port_id 0x").append(Integer.toHexString(0x8000 + no))
                    .append(" port_no 0x").append(Integer.toHexString(no)).append(" designated_port ").append(0x8000 + no)
                    .append(" designated_cost 0 designated_bridge ").append(id).append(" designated_root ").append(id)
                    .append(" hold_timer    0.00 message_age_timer    0.00 forward_delay_timer    0.00 topology_change_ack 0")
                    .append(" config_pending 0 proxy_arp off proxy_arp_wifi off mcast_router 1 mcast_fast_leave off mcast_flood on")
                    .append(" bcast_flood on mcast_to_unicast off neigh_suppress off group_fwd_mask 0 group_fwd_mask_str 0x0")
                    .append(" vlan_tunnel off isolated off locked off ");
        }
        String queues = "veth".equals(kind) ? "2" : "1";
        String tso = "bridge".equals(kind) || "veth".equals(kind) ? "524280" : "65536";
        b.append("addrgenmode eui64 numtxqueues ").append(queues).append(" numrxqueues ").append(queues)
                .append(" gso_max_size 65536 gso_max_segs 65535 tso_max_size ").append(tso).append(" tso_max_segs 65535 gro_max_size 65536 \n");
        return b.toString();
    }

    /** {@code forward_delay 1500 ... }: Linux's defaults for a new bridge, STP off. */
    private static String bridgeLine(String mac) {
        String id = bridgeId(mac);
        return "forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0"
                + " bridge_id " + id + " designated_root " + id + " root_port 0 root_path_cost 0 topology_change 0"
                + " topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer    0.00"
                + " group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0"
                + " mcast_router 1 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096"
                + " mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000"
                + " mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000"
                + " mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1"
                + " nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0";
    }

    /** {@code 8000.2:0:0:0:0:b0}: priority, then the MAC with each byte in hex without its leading zero. */
    private static String bridgeId(String mac) {
        StringBuilder b = new StringBuilder("8000.");
        for (String part : mac.split(":")) b.append(Integer.toHexString(Integer.parseInt(part, 16))).append(':');
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
