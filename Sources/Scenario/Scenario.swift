import ContactCenter

/// A loaded scenario file: the centre to simulate and how to run the experiment.
public struct Scenario: Sendable {
    /// The validated contact-centre model.
    public var model: CenterModel
    /// The seed of the random streams (`seed:`, default 1).
    public var seed: UInt64
    /// The number of independent replications to run (`replications:`, default 10).
    public var replications: Int
    /// The path the scenario was loaded from; `nil` when parsed from a string.
    public var sourcePath: String?
    /// The text it was read from (so that it can be written back changed, even when it
    /// came from standard input).
    public var sourceText: String?
    /// The named variants the file lists (`variants:`), to compare with it.
    public var variants: [ScenarioVariant] = []
    /// The variant this scenario is (`nil`: the file as written), and the overrides
    /// applied to the file to get it (the variant's, then the command line's).
    public var variant: String?
    public var overrides: [ScenarioOverride] = []

    public init(model: CenterModel, seed: UInt64 = 1, replications: Int = 10, sourcePath: String? = nil) {
        self.model = model
        self.seed = seed
        self.replications = replications
        self.sourcePath = sourcePath
    }
}
