package dev.syssim.sim.netfilter.ufw;

import java.util.Map;
import java.util.TreeMap;

/**
 * The application profiles of {@code /etc/ufw/applications.d} on the simulated machines: those
 * ufw ships, and those of the servers the machines run (openssh-server's OpenSSH, cups-daemon's
 * CUPS, postfix's three), by name with their ports as the profiles give them
 * ({@code 22/tcp}, {@code 631} for both protocols, {@code 80,443/tcp}; several specs joined by
 * {@code |}). Simplification: the profiles are built in, not read from files; their titles and
 * descriptions ({@code ufw app info}) are not kept.
 */
final class UfwApps {

    private static final Map<String, String> PORTS = new TreeMap<>();

    static {
        String[][] profiles = {
            {"AIM", "5190/tcp"}, {"Bonjour", "5353/udp|5298"}, {"CIFS", "137,138/udp|139,445/tcp"}, {"CUPS", "631"},
            {"DNS", "53"}, {"Deluge", "6881:6891/tcp"}, {"IMAP", "143/tcp"}, {"IMAPS", "993/tcp"}, {"IPP", "631"},
            {"KTorrent", "6881/tcp|4444/udp"}, {"Kerberos Admin", "749/tcp"}, {"Kerberos Full", "88,749/tcp|464/udp"},
            {"Kerberos KDC", "88"}, {"Kerberos Password", "464/udp"}, {"LDAP", "389/tcp"}, {"LDAPS", "636/tcp"},
            {"LPD", "515/tcp"}, {"MSN", "1863|6891:6900/tcp|6901"}, {"MSN SSL", "443/tcp"}, {"Mail submission", "587/tcp"},
            {"NFS", "2049,111/tcp|2049,111/udp"}, {"OpenSSH", "22/tcp"}, {"POP3", "110/tcp"}, {"POP3S", "995/tcp"},
            {"PeopleNearby", "5353/udp|5298"}, {"Postfix", "25/tcp"}, {"Postfix SMTPS", "465/tcp"},
            {"Postfix Submission", "587/tcp"}, {"SMTP", "25/tcp"}, {"SSH", "22/tcp"}, {"Socks", "1080/tcp"},
            {"Telnet", "23/tcp"}, {"Transmission", "51413"}, {"Transparent Proxy", "8081/tcp"}, {"VNC", "5900/tcp"},
            {"WWW", "80/tcp"}, {"WWW Cache", "8080/tcp"}, {"WWW Full", "80,443/tcp"}, {"WWW Secure", "443/tcp"},
            {"XMPP", "5222/tcp|5269/tcp"}, {"Yahoo", "5050"}, {"qBittorrent", "6881/tcp"}, {"svnserve", "3690/tcp"},
        };
        for (String[] p : profiles) PORTS.put(p[0], p[1]);
    }

    private UfwApps() {
    }

    /** The profile's ports, or null if there is no profile of that name (names match case-sensitively). */
    static String ports(String name) {
        return PORTS.get(name);
    }

    /** {@code ufw app list}: sorted as Python sorts strings (upper case before lower case). */
    static Iterable<String> names() {
        return PORTS.keySet();
    }
}
