import ArgumentParser

/// The one check every file or folder path of the command line goes through, input or
/// output: an empty or blank path (an unset `$OUT` in a script) is a usage error (status
/// 64), never the current folder. Options and arguments that take a path declare
/// `transform: PathArgument.checked`.
enum PathArgument {
    /// `text` as given, or a usage error if it names no file.
    static func checked(_ text: String) throws -> String {
        guard !text.allSatisfy(\.isWhitespace) else {
            throw ValidationError(text.isEmpty ? "an empty path names no file or folder (is a variable unset?)"
                                  : "a path of blanks names no file or folder (is a variable unset?)")
        }
        guard !text.contains("\u{0}") else { throw ValidationError("a path cannot hold a NUL character") }
        return text
    }
}
