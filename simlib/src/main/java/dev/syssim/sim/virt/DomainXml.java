package dev.syssim.sim.virt;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A libvirt domain definition (the {@code <domain type='kvm'>} XML of formatdomain.html), the part
 * the simulation acts on: name, UUID, memory, vCPUs, CPU mode, disks (file, format, target, bus)
 * and network interfaces (network or bridge, model, MAC). Parsed with the JDK's XML parser; errors
 * are libvirt's messages ({@code XML error: ...}).
 */
public record DomainXml(String type, String name, String uuid, long memoryKiB, int vcpus, String cpuMode, List<Disk> disks,
                        List<Interface> interfaces, String text) {

    /** A {@code <disk type='file' device='disk'>}: its image, format, target device and bus. */
    public record Disk(String source, String format, String target, String bus) {
    }

    /** An {@code <interface type='network'>} (or bridge): what it attaches to, its model and MAC. */
    public record Interface(String type, String source, String model, String mac) {
    }

    public DomainXml {
        disks = List.copyOf(disks);
        interfaces = List.copyOf(interfaces);
    }

    /** Thrown for XML libvirt refuses; the message is libvirt's. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    public static DomainXml parse(String text) throws Invalid {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new Invalid("(domain_definition):1: " + firstLine(e.getMessage()));
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("domain")) {
            throw new Invalid("XML error: unexpected root element <" + root.getTagName() + ">, expecting <domain>");
        }
        String type = root.getAttribute("type");
        if (type.isEmpty()) throw new Invalid("XML error: missing domain type attribute");
        String name = childText(root, "name");
        if (name == null || name.isBlank()) throw new Invalid("XML error: missing name information");
        String uuid = childText(root, "uuid");
        long memory = memory(root);
        if (memory <= 0) throw new Invalid("XML error: Memory size must be specified via <memory> or in the <numa> configuration");
        String vcpuText = childText(root, "vcpu");
        int vcpus = 1;
        if (vcpuText != null) {
            try {
                vcpus = Integer.parseInt(vcpuText.strip());
            } catch (NumberFormatException e) {
                throw new Invalid("XML error: maximum vcpus count must be an integer");
            }
        }
        Element cpu = child(root, "cpu");
        String cpuMode = cpu == null || cpu.getAttribute("mode").isEmpty() ? null : cpu.getAttribute("mode");
        List<Disk> disks = new ArrayList<>();
        List<Interface> nics = new ArrayList<>();
        Element devices = child(root, "devices");
        if (devices != null) {
            NodeList ds = devices.getElementsByTagName("disk");
            for (int i = 0; i < ds.getLength(); i++) {
                Element d = (Element) ds.item(i);
                if (!d.getAttribute("device").isEmpty() && !d.getAttribute("device").equals("disk")) continue;
                Element source = child(d, "source");
                Element driver = child(d, "driver");
                Element target = child(d, "target");
                if (target == null || target.getAttribute("dev").isEmpty()) throw new Invalid("XML error: missing target information for device");
                String file = source == null ? null : source.getAttribute("file");
                String dev = target.getAttribute("dev");
                String bus = target.getAttribute("bus").isEmpty() ? (dev.startsWith("vd") ? "virtio" : dev.startsWith("sd") ? "sata" : "ide")
                        : target.getAttribute("bus");
                disks.add(new Disk(file, driver == null || driver.getAttribute("type").isEmpty() ? "raw" : driver.getAttribute("type"), dev, bus));
            }
            NodeList is = devices.getElementsByTagName("interface");
            for (int i = 0; i < is.getLength(); i++) {
                Element n = (Element) is.item(i);
                Element source = child(n, "source");
                Element model = child(n, "model");
                Element mac = child(n, "mac");
                String kind = n.getAttribute("type");
                String src = source == null ? null : kind.equals("bridge") ? source.getAttribute("bridge") : source.getAttribute("network");
                nics.add(new Interface(kind, src, model == null ? "e1000" : model.getAttribute("type"),
                        mac == null ? null : mac.getAttribute("address").toLowerCase(Locale.ROOT)));
            }
        }
        return new DomainXml(type, name.strip(), uuid == null ? null : uuid.strip(), memory, vcpus, cpuMode, disks, nics, text);
    }

    /** A copy with a UUID (libvirt generates one when the XML has none). */
    public DomainXml withUuid(String newUuid) {
        return new DomainXml(type, name, newUuid, memoryKiB, vcpus, cpuMode, disks, interfaces, text);
    }

    /** A copy with MAC addresses filled in (libvirt gives every interface one from 52:54:00). */
    public DomainXml withMacs(java.util.function.IntFunction<String> macFor) {
        List<Interface> out = new ArrayList<>();
        for (int i = 0; i < interfaces.size(); i++) {
            Interface n = interfaces.get(i);
            out.add(n.mac() != null ? n : new Interface(n.type(), n.source(), n.model(), macFor.apply(i)));
        }
        return new DomainXml(type, name, uuid, memoryKiB, vcpus, cpuMode, disks, out, text);
    }

    private static long memory(Element root) throws Invalid {
        Element m = child(root, "memory");
        if (m == null) return -1;
        String unit = m.getAttribute("unit").isEmpty() ? "KiB" : m.getAttribute("unit");
        long value;
        try {
            value = Long.parseLong(m.getTextContent().strip());
        } catch (NumberFormatException e) {
            throw new Invalid("XML error: Invalid value for element or attribute './memory[1]'");
        }
        return switch (unit) {
            case "b", "bytes" -> value / 1024;
            case "KB" -> value * 1000 / 1024;
            case "k", "KiB" -> value;
            case "MB" -> value * 1_000_000 / 1024;
            case "M", "MiB" -> value * 1024;
            case "GB" -> value * 1_000_000_000 / 1024;
            case "G", "GiB" -> value * 1024 * 1024;
            default -> throw new Invalid("invalid argument: unknown suffix '" + unit + "'");
        };
    }

    private static Element child(Element parent, String name) {
        NodeList l = parent.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i) instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static String firstLine(String s) {
        if (s == null) return "parser error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The XML libvirt writes to /etc/libvirt/qemu/NAME.xml (its own layout, with the UUID and MACs it filled in). */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE\n")
                .append("OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:\n")
                .append("  virsh edit ").append(name).append("\nor other application using the libvirt API.\n-->\n\n");
        out.append("<domain type='").append(type).append("'>\n");
        out.append("  <name>").append(name).append("</name>\n");
        out.append("  <uuid>").append(uuid).append("</uuid>\n");
        out.append("  <memory unit='KiB'>").append(memoryKiB).append("</memory>\n");
        out.append("  <currentMemory unit='KiB'>").append(memoryKiB).append("</currentMemory>\n");
        out.append("  <vcpu placement='static'>").append(vcpus).append("</vcpu>\n");
        out.append("  <os>\n    <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>\n    <boot dev='hd'/>\n  </os>\n");
        if (cpuMode != null) out.append("  <cpu mode='").append(cpuMode).append("' check='none' migratable='on'/>\n");
        out.append("  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n");
        for (Disk d : disks) {
            out.append("    <disk type='file' device='disk'>\n      <driver name='qemu' type='").append(d.format()).append("'/>\n");
            if (d.source() != null) out.append("      <source file='").append(d.source()).append("'/>\n");
            out.append("      <target dev='").append(d.target()).append("' bus='").append(d.bus()).append("'/>\n    </disk>\n");
        }
        for (Interface n : interfaces) {
            out.append("    <interface type='").append(n.type()).append("'>\n");
            if (n.mac() != null) out.append("      <mac address='").append(n.mac()).append("'/>\n");
            if (n.source() != null) out.append("      <source ").append(n.type().equals("bridge") ? "bridge" : "network").append("='").append(n.source()).append("'/>\n");
            out.append("      <model type='").append(n.model()).append("'/>\n    </interface>\n");
        }
        out.append("    <serial type='pty'>\n      <target type='isa-serial' port='0'>\n        <model name='isa-serial'/>\n      </target>\n    </serial>\n");
        out.append("    <console type='pty'>\n      <target type='serial' port='0'/>\n    </console>\n");
        out.append("  </devices>\n</domain>\n");
        return out.toString();
    }
}
