import StsimEngine

/// `config`: kubectl's kubeconfig commands for stsim's one context, whose namespace is the
/// current namespace of every command without `-n`.
enum ConfigCommands {
    static let specs: [CommandSpec] = [config]
    static let words = ["set-context", "view", "current-context", "get-contexts", "use-context"]

    static let config = CommandSpec(
        "config", group: .session, summary: "the kubeconfig context: its namespace is the default of -n",
        examples: [
            "config set-context --current --namespace=shop", "config view --minify", "config get-contexts",
        ],
        positionals: [.choices(words)],
        subcommands: [setContext, view, currentContext, getContexts, useContext]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        guard let word = args.nextIfAny() else {
            throw Diagnostic(
                at: args.endLocation, "config needs one of \(words.joined(separator: ", "))",
                hint: "for example: config set-context --current --namespace=NS")
        }
        throw Diagnostic(
            at: word.location, "stsim's config has no sub-command \"\(word.text)\"",
            hint: Suggestion.hint(for: word.text, in: words) ?? "one of \(words.joined(separator: ", "))")
    }

    static let setContext = CommandSpec(
        "set-context", group: .session, summary: "change the context's namespace",
        examples: ["config set-context --current --namespace=shop"],
        flags: [
            FlagSpec("current", help: "change the current context"),
            FlagSpec(
                "namespace", value: "NS", help: "the namespace commands use without -n", completion: .namespaces),
        ],
        positionals: [.choices([ConfigAction.contextName]), .none], arguments: "[NAME | --current]"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = args.nextIfAny()
        try args.finish()
        let current = try args.bool("current")
        if let name, current {
            throw Diagnostic(at: name.location, "you cannot specify both a context name and --current")
        }
        if !current, name == nil {
            throw Diagnostic(
                at: args.endLocation, "you must specify a non-empty context name or --current",
                hint: "config set-context --current --namespace=NS")
        }
        if let name, name.text != ConfigAction.contextName {
            throw Diagnostic(
                at: name.location, "stsim has one context, \(ConfigAction.contextName); it cannot make another",
                hint: "config set-context --current --namespace=NS")
        }
        return .config(.setContext(namespace: args.flag("namespace")?.text))
    }

    static let view = CommandSpec(
        "view", group: .session, summary: "the kubeconfig, as kubectl config view prints it",
        examples: ["config view --minify", "config view --minify -o jsonpath='{..namespace}'"],
        flags: [
            FlagSpec("minify", help: "only the current context (stsim has one)"),
            FlagSpec(
                "output", short: "o", value: "FORMAT",
                help: "yaml (the default), json, jsonpath=..., jsonpath-file=..., go-template=...",
                completion: .choices(["yaml", "json", "jsonpath", "go-template"])),
            FlagSpec("template", value: "TEMPLATE", help: "the template of -o jsonpath or go-template"),
        ]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        let (format, template) = try ResourceCommands.output(args)
        // kubectl's config view has the generic printers only (PrintFlags, default yaml).
        let allowed =
            "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml"
        if let o = args.flag("output") {
            var refused = format == .wide || format == .name
            if case .customColumns = template { refused = true }
            if case .customColumnsFile = template { refused = true }
            if refused {
                let hint = format == .name ? "stsim prints the kubeconfig as yaml, json or through a template" : nil
                throw Diagnostic(
                    at: o.location,
                    "unable to match a printer suitable for the output format \"\(o.text)\", allowed formats are: "
                        + allowed, hint: hint)
            }
        }
        return .config(.view(output: format == .table ? .yaml : format, template: template))
    }

    static let currentContext = CommandSpec(
        "current-context", group: .session, summary: "the current context's name", examples: ["config current-context"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .config(.currentContext)
    }

    static let getContexts = CommandSpec(
        "get-contexts", group: .session, summary: "the contexts, with the current one starred",
        examples: ["config get-contexts"]
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        try args.finish()
        return .config(.getContexts)
    }

    static let useContext = CommandSpec(
        "use-context", group: .session, summary: "switch context (stsim has one)",
        examples: ["config use-context stsim"], positionals: [.choices([ConfigAction.contextName])],
        arguments: "NAME"
    ) { (args: inout ParsedArguments) throws(Diagnostic) -> Command in
        let name = try args.next("NAME")
        try args.finish()
        guard name.text == ConfigAction.contextName else {
            throw Diagnostic(
                at: name.location, "no context exists with the name: \"\(name.text)\"",
                hint: "stsim has one context, \(ConfigAction.contextName)")
        }
        return .config(.useContext)
    }
}
