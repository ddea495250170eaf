#!/usr/bin/env python3
"""Records NAT port arguments (service names with a dash, ranges) on real iptables 1.8.9 in a fresh netns each;
appended to ../iptables_errors.jsonl: python3 record_nat_ports.py >> ../iptables_errors.jsonl (as root)."""
import json, subprocess
NS="orc-natports"
cases=[("nat_port_service_with_dash","iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:ftp-data"),
       ("nat_port_range_numbers","iptables -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:10-20"),
       ("nat_port_range_of_services_refused","iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:ftp-ssh"),
       ("nat_port_range_number_to_service_refused","iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:10-ssh"),
       ("nat_port_unknown_service","iptables -t nat -A OUTPUT -p tcp -j DNAT --to-destination 1.2.3.4:data"),
       ("redirect_port_service_with_dash","iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports ftp-data")]
def run(cmd):
    p=subprocess.run(["ip","netns","exec",NS]+cmd.split(),capture_output=True,text=True,stdin=subprocess.DEVNULL)
    return p
for cid,cmd in cases:
    subprocess.run(["ip","netns","add",NS],check=True)
    try:
        p=run(cmd)
        after=run("iptables -S").stdout
        print(json.dumps({"cmd":cmd,"id":cid,"outcome":"accepted" if p.returncode==0 else "rejected","prior_guess":"","rc":p.returncode,"rules_S_after":after,"setup":[],"stderr":p.stderr,"stdout":p.stdout},sort_keys=True))
    finally:
        subprocess.run(["ip","netns","del",NS])
