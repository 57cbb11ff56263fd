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

    /// Reads a histogram written by ``write(to:)``.
    public init(reading reader: inout ByteReader) throws {
        let resolution = try reader.readDouble()
        guard resolution > 0, resolution.isFinite else { throw ByteReaderError("a histogram's resolution is not positive") }
        self.init(resolution: resolution)
        recorded = try reader.readUInt64()
        for _ in 0..<(try reader.readCount(elementSize: 8)) {
            let pair = try reader.readUInt64()
            let index = Int(pair >> 32)
            guard index < Self.buckets else { throw ByteReaderError("a histogram bucket out of range") }
            counts[index] = UInt32(truncatingIfNeeded: pair)
        }
    }
}
