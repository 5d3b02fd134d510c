import NIOCore

/// Where respondents can reach `junheng serve`: with `--host 0.0.0.0` (or `::`) the machine's own
/// addresses, which the start-up line prints (a county officer needs one for `--base-url`).
public enum ListeningAddresses {
    /// Whether `host` listens beyond this machine: then the admin password crosses the network in clear
    /// unless a reverse proxy does TLS.
    public static func isOpenToNetwork(_ host: String) -> Bool {
        !(host == "localhost" || host == "::1" || host.hasPrefix("127."))
    }

    /// The base URLs the server answers at: `host` itself, or for a wildcard host every IPv4 (then IPv6)
    /// address of the machine's interfaces, loopback last.
    public static func baseURLs(host: String, port: Int) -> [String] {
        guard host == "0.0.0.0" || host == "::" else { return ["http://\(url(host)):\(port)"] }
        let devices = (try? System.enumerateDevices()) ?? []
        var outside: [String] = []
        var loopback: [String] = []
        for device in devices {
            guard let ip = device.address?.ipAddress else { continue }
            let isV6 = ip.contains(":")
            if host == "0.0.0.0", isV6 { continue }
            // Link-local IPv6 addresses need a zone; they are of no use on a printed code.
            if isV6, ip.lowercased().hasPrefix("fe80") { continue }
            let text = "http://\(url(ip)):\(port)"
            if ip.hasPrefix("127.") || ip == "::1" {
                if !loopback.contains(text) { loopback.append(text) }
            } else if !outside.contains(text) {
                outside.append(text)
            }
        }
        // IPv4 first (the one a phone on the county's network is likeliest to reach), then IPv6.
        let v4 = outside.filter { !$0.contains("[") }.sorted()
        let v6 = outside.filter { $0.contains("[") }.sorted()
        return v4 + v6 + loopback
    }

    private static func url(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
