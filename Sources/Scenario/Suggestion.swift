/// "Did you mean …?" hints for misspelt keys and names.
enum Suggestion {
    /// A hint for the unknown `word`: `did you mean `handle_time`?` when one of `candidates`
    /// is close to it, otherwise the list of what is allowed.
    static func hint(for word: String, among candidates: [String]) -> String {
        if let match = closestMatch(to: word, among: candidates) {
            return "did you mean `\(match)`?"
        }
        guard !candidates.isEmpty else { return "there are none" }
        return "expected one of " + candidates.map { "`\($0)`" }.joined(separator: ", ")
    }

    /// The candidate with the smallest edit distance to `word`, if that distance is small
    /// for the candidate's length (at most a third of it, and at least one edit allowed).
    static func closestMatch(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { (candidate: $0, distance: editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance <= max(1, best.candidate.count / 3) else { return nil }
        return best.candidate
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and
    /// transpositions of adjacent characters each count one edit (`mena` → `mean` is one).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
