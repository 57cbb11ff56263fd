/// The version of ccsim written into every output.
public let ccsimVersion = "0.1.0"
