using System.Management.Automation;
using System.Xml.Linq;

namespace SendPilot.HelpGen;

/// <summary>Writes MAML (the format Get-Help reads for binary cmdlets) from command metadata and doc comments.</summary>
internal sealed class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private readonly DocComments _docs;
    public List<string> Problems { get; } = new();

    public MamlWriter(DocComments docs) => _docs = docs;

    public XDocument Write(IEnumerable<CmdletInfo> cmdlets) => new(new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            cmdlets.OrderBy(c => c.Name).Select(WriteCommand)));

    private XElement WriteCommand(CmdletInfo cmdlet)
    {
        Type type = cmdlet.ImplementingType;
        string synopsis = _docs.Summary(type);
        if (synopsis.Length == 0) Problems.Add($"{cmdlet.Name}: no <summary> (synopsis)");
        var parameters = OwnParameters(cmdlet).ToList();
        var examples = _docs.Examples(type);
        if (examples.Count == 0) Problems.Add($"{cmdlet.Name}: no <example>");

        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                new XElement(Maml + "description", Para(synopsis))),
            new XElement(Maml + "description", (_docs.Remarks(type).Count > 0 ? _docs.Remarks(type) : new[] { synopsis }).Select(Para)),
            new XElement(Command + "syntax", cmdlet.ParameterSets.Select(set => WriteSyntax(cmdlet, set))),
            new XElement(Command + "parameters", parameters.Select(p => WriteParameter(cmdlet, p))),
            new XElement(Command + "inputTypes", InputTypes(parameters).Select(t =>
                new XElement(Command + "inputType", new XElement(Dev + "type", new XElement(Maml + "name", t))))),
            new XElement(Command + "returnValues", cmdlet.OutputType.Select(o =>
                new XElement(Command + "returnValue", new XElement(Dev + "type", new XElement(Maml + "name", o.Name))))),
            new XElement(Command + "examples", examples.Select((e, i) => new XElement(Command + "example",
                new XElement(Maml + "title", $"-------------------------- Example {i + 1} --------------------------"),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", e.Remarks.Select(Para))))),
            new XElement(Command + "relatedLinks",
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", "about_SendPilot"))));
    }

    private XElement WriteSyntax(CmdletInfo cmdlet, CommandParameterSetInfo set) =>
        new(Command + "syntaxItem", new XElement(Maml + "name", cmdlet.Name),
            set.Parameters.Where(p => !IsCommon(p.Name)).Select(p => new XElement(Command + "parameter",
                new XAttribute("required", p.IsMandatory.ToString().ToLowerInvariant()),
                new XAttribute("position", p.Position >= 0 ? (p.Position + 1).ToString() : "named"),
                new XAttribute("pipelineInput", PipelineInput(p.ValueFromPipeline, p.ValueFromPipelineByPropertyName)),
                new XElement(Maml + "name", p.Name),
                p.ParameterType == typeof(SwitchParameter) ? null : new XElement(Command + "parameterValue",
                    new XAttribute("required", "true"), p.ParameterType.Name))));

    // Parameters PowerShell adds for SupportsPaging have no property of ours to document.
    private static readonly Dictionary<string, string> PagingParameters = new()
    {
        ["First"] = "Gets only the first N items; no further page is requested once they have arrived.",
        ["Skip"] = "Ignores the first N items, then gets the rest.",
        ["IncludeTotalCount"] = "Reports the total number of items first (continuation paging does not know it, so it is reported as unknown).",
    };

    private XElement WriteParameter(CmdletInfo cmdlet, ParameterMetadata parameter)
    {
        string description = _docs.ParameterSummary(cmdlet.ImplementingType, parameter.Name);
        if (description.Length == 0 && cmdlet.ImplementingType.GetProperty(parameter.Name) == null)
            description = PagingParameters.GetValueOrDefault(parameter.Name, "");
        if (description.Length == 0) Problems.Add($"{cmdlet.Name} -{parameter.Name}: no <summary>");
        var attributes = parameter.Attributes.OfType<ParameterAttribute>().ToList();
        bool required = attributes.Any(a => a.Mandatory);
        int position = attributes.Select(a => a.Position).Where(p => p >= 0).DefaultIfEmpty(-1).First();
        return new XElement(Command + "parameter",
            new XAttribute("required", required.ToString().ToLowerInvariant()),
            new XAttribute("position", position >= 0 ? (position + 1).ToString() : "named"),
            new XAttribute("pipelineInput", PipelineInput(attributes.Any(a => a.ValueFromPipeline), attributes.Any(a => a.ValueFromPipelineByPropertyName))),
            new XAttribute("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Para(description)),
            new XElement(Command + "parameterValue", new XAttribute("required", "true"), parameter.ParameterType.Name),
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.ParameterType.FullName)),
            new XElement(Dev + "defaultValue", DefaultValue(cmdlet, parameter) ?? "None"));
    }

    /// <summary>The value a parameter has when it is not given: what the cmdlet's property starts as (null, "" and off switches are none).</summary>
    private static string? DefaultValue(CmdletInfo cmdlet, ParameterMetadata parameter)
    {
        var property = cmdlet.ImplementingType.GetProperty(parameter.Name);
        if (property == null || property.GetMethod == null) return null;
        object? value = property.GetValue(Activator.CreateInstance(cmdlet.ImplementingType));
        return value switch
        {
            null => null,
            SwitchParameter { IsPresent: false } => null,
            string text => text.Length == 0 ? null : text,
            System.Collections.IEnumerable items => items.Cast<object>().Any() ? string.Join(", ", items.Cast<object>()) : null,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static IEnumerable<ParameterMetadata> OwnParameters(CmdletInfo cmdlet) =>
        cmdlet.Parameters.Values.Where(p => !IsCommon(p.Name)).OrderBy(p => p.Name);

    private static IEnumerable<string> InputTypes(IEnumerable<ParameterMetadata> parameters)
    {
        var types = parameters.Where(p => p.Attributes.OfType<ParameterAttribute>().Any(a => a.ValueFromPipeline || a.ValueFromPipelineByPropertyName))
            .Select(p => p.ParameterType.FullName!).Distinct().ToList();
        return types.Count > 0 ? types : new List<string> { "None" };
    }

    private static string PipelineInput(bool byValue, bool byName) => (byValue, byName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static bool IsCommon(string name) =>
        PSCmdlet.CommonParameters.Contains(name) || PSCmdlet.OptionalCommonParameters.Contains(name);

    private static XElement Para(string text) => new(Maml + "para", text);
}
