import Foundation

/// A compound file (the OLE container of an .xls workbook, [MS-CFB]) read just far enough to take
/// one stream out of it by name: the header, the sector allocation table (FAT, through the DIFAT),
/// the directory, and the mini stream for streams under the cut-off.
///
/// libfreexl reads the workbook's cells; this reader exists only so that ``XLSUnreadableCells`` can
/// look at the BIFF records libfreexl passes over. Every sector number and chain is checked: a
/// damaged file gives `nil`, never a crash or a loop.
struct CompoundFile {
    private let bytes: [UInt8]
    private let sectorShift: Int
    private let miniSectorShift: Int
    private let miniStreamCutoff: Int
    private var fat: [UInt32] = []

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Reads the header and the FAT of a compound file held in `bytes`; `nil` when they are broken.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 512, Array(bytes[0..<8]) == Self.signature else { return nil }
        self.bytes = bytes
        let shift = Int(Self.u16(bytes, 0x1E))
        let miniShift = Int(Self.u16(bytes, 0x20))
        guard shift == 9 || shift == 12, miniShift == 6 else { return nil }
        sectorShift = shift
        miniSectorShift = miniShift
        miniStreamCutoff = Int(Self.u32(bytes, 0x38))
        // The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
        let fatSectorCount = Int(Self.u32(bytes, 0x2C))
        let sectorCount = (bytes.count >> shift) + 1
        guard fatSectorCount <= sectorCount else { return nil }
        var fatSectors: [UInt32] = []
        for index in 0..<109 where fatSectors.count < fatSectorCount {
            fatSectors.append(Self.u32(bytes, 0x4C + 4 * index))
        }
        var difat = Self.u32(bytes, 0x44)
        var steps = 0
        let perSector = (1 << shift) / 4
        while fatSectors.count < fatSectorCount {
            guard let offset = Self.offset(of: difat, shift: shift, in: bytes), steps < sectorCount else { return nil }
            for index in 0..<(perSector - 1) where fatSectors.count < fatSectorCount {
                fatSectors.append(Self.u32(bytes, offset + 4 * index))
            }
            difat = Self.u32(bytes, offset + 4 * (perSector - 1))
            steps += 1
        }
        for sector in fatSectors {
            guard let offset = Self.offset(of: sector, shift: shift, in: bytes) else { return nil }
            for index in 0..<perSector { fat.append(Self.u32(bytes, offset + 4 * index)) }
        }
    }

    /// The stream named `name` (as the directory spells it, e.g. `Workbook`), or `nil` when there is
    /// none or its chain is broken.
    func stream(named name: String) -> [UInt8]? {
        guard let directory = chain(from: Self.u32(bytes, 0x30)) else { return nil }
        let wanted = Array(name.utf16)
        var root: (start: UInt32, size: Int)?
        var found: (start: UInt32, size: Int)?
        for entry in stride(from: 0, to: directory.count - 127, by: 128) {
            let type = directory[entry + 0x42]
            let nameBytes = min(Int(Self.u16(directory, entry + 0x40)), 64)
            let units = (0..<max(0, nameBytes / 2 - 1)).map { Self.u16(directory, entry + 2 * $0) }
            let start = Self.u32(directory, entry + 0x74)
            let size = Int(Self.u32(directory, entry + 0x78))
            if type == 5 { root = (start, size) }
            if type == 2, units == wanted { found = (start, size) }
        }
        guard let found else { return nil }
        if found.size < miniStreamCutoff {
            guard let root, let miniStream = chain(from: root.start) else { return nil }
            return miniChain(from: found.start, size: found.size, in: miniStream)
        }
        guard let data = chain(from: found.start), data.count >= found.size else { return nil }
        return Array(data[0..<found.size])
    }

    /// The sectors of a FAT chain, end to end.
    private func chain(from start: UInt32) -> [UInt8]? {
        var result: [UInt8] = []
        var sector = start
        var steps = 0
        while sector != Self.endOfChain {
            guard Int(sector) < fat.count, steps <= fat.count,
                let offset = Self.offset(of: sector, shift: sectorShift, in: bytes)
            else { return nil }
            result.append(contentsOf: bytes[offset..<min(offset + (1 << sectorShift), bytes.count)])
            sector = fat[Int(sector)]
            steps += 1
        }
        return result
    }

    /// A stream held in the mini stream: its mini sectors by the mini FAT.
    private func miniChain(from start: UInt32, size: Int, in miniStream: [UInt8]) -> [UInt8]? {
        guard let miniFATBytes = chain(from: Self.u32(bytes, 0x3C)) else { return nil }
        let miniFAT = stride(from: 0, to: miniFATBytes.count - 3, by: 4).map { Self.u32(miniFATBytes, $0) }
        var result: [UInt8] = []
        var sector = start
        var steps = 0
        let miniSize = 1 << miniSectorShift
        while sector != Self.endOfChain, result.count < size {
            let offset = Int(sector) << miniSectorShift
            guard Int(sector) < miniFAT.count, steps <= miniFAT.count, offset + miniSize <= miniStream.count else {
                return nil
            }
            result.append(contentsOf: miniStream[offset..<offset + miniSize])
            sector = miniFAT[Int(sector)]
            steps += 1
        }
        guard result.count >= size else { return nil }
        return Array(result[0..<size])
    }

    private static func offset(of sector: UInt32, shift: Int, in bytes: [UInt8]) -> Int? {
        guard sector < 0xFFFF_FFFA else { return nil }
        let offset = (Int(sector) + 1) << shift
        return offset + (1 << shift) <= bytes.count ? offset : nil
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        at + 1 < bytes.count ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : 0
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at + 3 < bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
            << 24
    }
}
