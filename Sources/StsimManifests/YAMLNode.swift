import Yams

/// Yams' node, renamed because the engine has a `Node` kind too.
typealias YAMLNode = Yams.Node
