import StsimEngine

/// The `MSG SIZE  rcvd:` figure: the DNS wire size of the reply, computed the way a packer with
/// name compression lays it out (RFC 1035 4.1.4): owner names point back to any suffix already
/// written, SRV targets are written in full (RFC 2782 forbids compressing them) but can be
/// pointed at later.
extension DigOutput {
    static func messageSize(qname: String, answer: DNSAnswer, authority: Bool) -> Int {
        var packer = NamePacker()
        var size = 12  // header
        size += packer.pack(qname, at: size, compress: true) + 4
        for r in answer.answers { size += record(r, &packer, at: size) }
        if authority {
            // SOA: owner, fixed fields, two names, five 32-bit numbers.
            let zone = qname.hasSuffix("cluster.local.") ? "cluster.local." : "."
            size += packer.pack(zone, at: size, compress: true) + 10
            size += packer.pack("ns.dns.\(zone)", at: size, compress: true)
            size += packer.pack("hostmaster.\(zone)", at: size, compress: true) + 20
        }
        for r in answer.additional { size += record(r, &packer, at: size) }
        return size + 11  // the OPT pseudo-record without options
    }

    private static func record(_ r: DNSRecord, _ packer: inout NamePacker, at offset: Int) -> Int {
        let owner = packer.pack(r.name, at: offset, compress: true)
        switch r.data {
        case .a:
            return owner + 10 + 4
        case .srv(_, _, _, let target):
            return owner + 10 + 6 + packer.pack(target, at: offset + owner + 16, compress: false)
        }
    }
}

/// Remembers where each written name suffix starts, for compression pointers.
struct NamePacker {
    private var offsets: [String: Int] = [:]

    /// Bytes written for `name` at `offset`.
    mutating func pack(_ name: String, at offset: Int, compress: Bool) -> Int {
        let labels = name.split(separator: ".").map(String.init)
        var written = 0
        for i in labels.indices {
            let suffix = labels[i...].joined(separator: ".")
            if compress, offsets[suffix] != nil { return written + 2 }
            // Pointers can only reach the first 16 KiB of a message.
            if offsets[suffix] == nil, offset + written < 0x4000 { offsets[suffix] = offset + written }
            written += 1 + labels[i].utf8.count
        }
        return written + 1
    }
}
