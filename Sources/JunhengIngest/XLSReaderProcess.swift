import Foundation
import Synchronization

/// How junheng starts the child process that reads an .xls workbook (``XLSReaderChild``), and the limits
/// it holds that child to: the program to run and the arguments before the workbook's path, the longest
/// the child may stay silent, and its memory and processor time.
///
/// Each program sets it once at start (`junheng`: itself, through its hidden subcommand
/// ``XLSReaderChild/commandName``; the tests and the fuzz target: their own hosts), never the library.
/// Until it is set, an .xls workbook is refused with a message that says so.
public struct XLSReaderProcess: Sendable, Hashable {
    /// The program to run.
    public var executable: String
    /// Its arguments before the workbook's path.
    public var arguments: [String]
    /// The longest the child may go without answering (opening the workbook included) before it is
    /// stopped and the workbook called damaged: 5 s. libfreexl opens a 33 MB .xls in a quarter of that.
    public var silence: Duration
    /// Its memory: 1 GiB. libfreexl holds a sheet's cells in memory, about 17 bytes each: a full BIFF
    /// sheet of 65,536 rows and 256 columns is 290 MB. The child's resident memory is looked at every
    /// 100 ms while junheng waits for it (past the limit, it is stopped and the workbook called damaged),
    /// and its heap is held to the limit by the system too (RLIMIT_DATA; not under AddressSanitizer, whose
    /// shadow memory alone is terabytes of address space).
    public var memoryBytes: Int
    /// Its processor time (RLIMIT_CPU): 60 s, a backstop for a child spinning where no one waits for it.
    public var cpuSeconds: Int

    public init(
        executable: String, arguments: [String], silence: Duration = .seconds(5), memoryBytes: Int = 1 << 30,
        cpuSeconds: Int = 60
    ) {
        self.executable = executable
        self.arguments = arguments
        self.silence = silence
        self.memoryBytes = memoryBytes
        self.cpuSeconds = cpuSeconds
    }

    /// `junheng` itself (`/proc/self/exe`), through its hidden subcommand (`--` before the path, so a
    /// path that starts with `-` is not taken for an option).
    public static let junheng = XLSReaderProcess(
        executable: "/proc/self/exe", arguments: [XLSReaderChild.commandName, "--"])

    /// The program named `name` in the folder of the running program, given the workbook's path alone (as
    /// a test host that only runs ``XLSReaderChild/serve(arguments:input:output:)`` takes it).
    public static func beside(_ name: String) -> XLSReaderProcess {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return XLSReaderProcess(executable: folder.appendingPathComponent(name).path, arguments: [])
    }

    /// Whether this program runs under AddressSanitizer (and so, built the same way, its reader does).
    static let underAddressSanitizer: Bool = dlsym(dlopen(nil, RTLD_NOW), "__asan_init") != nil

    private static let setting = Mutex<XLSReaderProcess?>(nil)

    /// The reader process every workbook read uses; `nil` until the program sets it.
    public static var current: XLSReaderProcess? {
        get { setting.withLock { $0 } }
        set { setting.withLock { $0 = newValue } }
    }
}
