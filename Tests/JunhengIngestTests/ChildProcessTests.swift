import Testing

@testable import JunhengIngest

/// The box a child process runs in (`CChildProcess`): its socket, what it inherits, its limits, its end.
@Suite struct ChildProcessTests {
    static func shell(_ script: String, dataBytes: Int? = 64 << 20) throws -> ChildProcess {
        try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", script],
            limits: ChildProcess.Limits(dataBytes: dataBytes, cpuSeconds: 60))
    }

    /// Reads what the child writes until it closes its end.
    static func readAll(_ child: ChildProcess) -> String {
        var bytes: [UInt8] = []
        while case .bytes(let byte) = child.read(exactly: 1, timeout: .seconds(5)) { bytes += byte }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func theSocketIsItsStandardInputAndOutput() throws {
        let child = try Self.shell("read line; echo \"got $line\"")
        #expect(child.write(Array("hi\n".utf8)))
        #expect(Self.readAll(child) == "got hi\n")
        #expect(child.wait() == .exited(0))
    }

    /// Nothing of this process's open files reaches it: `ls` sees its three standard descriptors and the
    /// folder it lists; its standard error is /dev/null.
    @Test func itInheritsNoDescriptors() throws {
        let child = try Self.shell("echo noise >&2; exec ls /proc/self/fd")
        #expect(Self.readAll(child) == "0\n1\n2\n3\n")
    }

    @Test func itsLimitsAreSet() throws {
        // `ulimit -d` in KiB, `-t` in seconds.
        #expect(Self.readAll(try Self.shell("ulimit -d; ulimit -t")) == "65536\n60\n")
        #expect(Self.readAll(try Self.shell("ulimit -d", dataBytes: nil)) == "unlimited\n")
    }

    @Test func howItEndedIsTold() throws {
        let crashed = try Self.shell("kill -SEGV $$")
        #expect(crashed.wait() == .signalled(11))
        let exited = try Self.shell("exit 3")
        #expect(exited.wait(killingAfter: .seconds(5)) == .exited(3))
        let hung = try Self.shell("sleep 30")
        #expect(hung.read(exactly: 1, timeout: .milliseconds(50)) == .timedOut)
        #expect(hung.wait(killingAfter: .milliseconds(50)) == .signalled(9))
        // A write to a child that is gone fails; it raises no SIGPIPE here.
        #expect(!exited.write(Array(repeating: 0, count: 1 << 20)))
    }
}
