import Glibc

/// The process's limit of open files (RLIMIT_NOFILE): Debian's default soft limit, 1,024, is what ran out
/// when 1,100 idle connections were held (issue 26). `junheng serve` raises it to the hard limit, what the
/// system allows without privilege.
public enum OpenFileLimit {
    /// Raises the soft limit to the hard limit and returns the soft limit now in force.
    @discardableResult
    public static func raise() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur == rlim_t.max ? 1_048_576 : Int(clamping: limit.rlim_cur)
    }
}
