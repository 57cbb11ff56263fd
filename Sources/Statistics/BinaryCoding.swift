import Foundation

/// Appends numbers to a byte buffer, little-endian: the compact form in which part files
/// carry a replication's results (read back by ``ByteReader``, exactly).
public struct ByteWriter {
    public private(set) var data = Data()

    public init() {}

    public mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }
    public mutating func write(_ value: Double) { write(value.bitPattern) }

    public mutating func write(_ value: Double?) {
        write(value == nil ? 0 : 1)
        write(value ?? 0)
    }

    /// Bytes as they are.
    public mutating func append(_ bytes: Data) { data.append(bytes) }

    /// A count, then the values.
    public mutating func write(_ values: [Double]) {
        write(values.count)
        for value in values { write(value) }
    }
}

/// Reads what ``ByteWriter`` wrote, refusing to read past the end or to believe a count
/// larger than the bytes left could hold.
public struct ByteReader {
    private let bytes: [UInt8]
    /// How many bytes have been read.
    public private(set) var offset = 0

    public init(_ data: Data) { bytes = Array(data) }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func readUInt64() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw ByteReaderError("ends in the middle of a number") }
        let at = offset
        offset += 8
        return UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) })
    }

    public mutating func readInt() throws -> Int { Int(Int64(bitPattern: try readUInt64())) }
    public mutating func readDouble() throws -> Double { Double(bitPattern: try readUInt64()) }

    public mutating func readOptionalDouble() throws -> Double? {
        let present = try readUInt64()
        let value = try readDouble()
        return present == 0 ? nil : value
    }

    /// A count of elements of `size` bytes each, checked against the bytes left.
    public mutating func readCount(elementSize size: Int) throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= (bytes.count - offset) / max(1, size) else {
            throw ByteReaderError("holds a count (\(count)) larger than its bytes allow")
        }
        return count
    }

    public mutating func readDoubles() throws -> [Double] {
        let count = try readCount(elementSize: 8)
        return try (0..<count).map { _ in try readDouble() }
    }

    /// The next `count` bytes as they are.
    public mutating func readBytes(_ count: Int) throws -> Data {
        guard count >= 0, count <= bytes.count - offset else { throw ByteReaderError("ends in the middle of a record") }
        defer { offset += count }
        return Data(bytes[offset..<(offset + count)])
    }
}

/// Bytes that are not what ``ByteWriter`` wrote.
public struct ByteReaderError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension QuantileHistogram {
    /// Writes the histogram: resolution, count, and the non-empty buckets.
    public func write(to writer: inout ByteWriter) {
        writer.write(resolution)
        writer.write(recorded)
        let filled = counts.indices.filter { counts[$0] > 0 }
        writer.write(filled.count)
        for index in filled {
            writer.write(UInt64(index) << 32 | UInt64(counts[index]))
        }
    }

    /// Reads a histogram written by ``write(to:)``: the non-empty buckets in order, their
    /// counts adding up to the histogram's (as every histogram of a replication's results).
    public init(reading reader: inout ByteReader) throws {
        let resolution = try reader.readDouble()
        guard resolution > 0, resolution.isFinite else { throw ByteReaderError("a histogram's resolution is not positive") }
        self.init(resolution: resolution)
        recorded = try reader.readUInt64()
        var sum: UInt64 = 0
        var previous = -1
        for _ in 0..<(try reader.readCount(elementSize: 8)) {
            let pair = try reader.readUInt64()
            let index = Int(pair >> 32), count = UInt32(truncatingIfNeeded: pair)
            // As written: the non-empty buckets, in order, each once.
            guard index > previous, index < Self.buckets, count > 0 else {
                throw ByteReaderError("a histogram bucket out of range, out of order or empty")
            }
            counts[index] = count
            sum += UInt64(count)
            previous = index
        }
        guard sum == recorded else { throw ByteReaderError("a histogram's count is not the sum of its buckets") }
    }
}

/// The CRC-32 of bytes, the checksum of zip, PNG and zlib's `crc32` (polynomial
/// 0xEDB88320, reflected, initial value and final XOR 0xFFFFFFFF; "123456789" gives
/// 0xCBF43926), so that a part's files can be checked with common tools
/// (`python3 -c 'import zlib, sys; print(hex(zlib.crc32(open(sys.argv[1], "rb").read())))' results.bin`).
///
/// It guards part files against accidental damage — it detects every error of one bit,
/// of an odd number of bits, and every burst of up to 32 bits — not against forgery,
/// like the scenario's FNV hash. Written here, a table of 256 entries and a byte a step,
/// rather than taken from zlib (installed only as a dependency of libglpk-dev, and it
/// would need a system-library target of its own) or swift-crypto (SHA-256: a new
/// package, a minute and a half more of a clean build, and a strength part files do
/// not need).
public struct CRC32: Sendable {
    /// The checksum of the bytes so far.
    public var value: UInt32 { ~state }
    private var state: UInt32 = 0xFFFF_FFFF

    public init() {}

    /// The CRC-32 of `data`.
    public static func of(_ data: Data) -> UInt32 {
        var crc = CRC32()
        crc.update(data)
        return crc.value
    }

    /// Adds `data` to the bytes checked.
    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { buffer in
            Self.table.withUnsafeBufferPointer { table in
                var c = state
                for byte in buffer { c = table[Int(UInt8(truncatingIfNeeded: c) ^ byte)] ^ (c >> 8) }
                state = c
            }
        }
    }

    private static let table: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }
}
