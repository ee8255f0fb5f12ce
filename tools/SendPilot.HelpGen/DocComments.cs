using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SendPilot.HelpGen;

/// <summary>The C# XML documentation file, read as help text: summaries, remarks and examples.</summary>
internal sealed class DocComments
{
    private readonly Dictionary<string, XElement> _members;

    public DocComments(string path)
    {
        _members = XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") != null)
            .GroupBy(m => m.Attribute("name")!.Value)
            .ToDictionary(g => g.Key, g => g.First());
    }

    public string Summary(Type type) => Text(Member("T:" + DocName(type))?.Element("summary"));

    public IReadOnlyList<string> Remarks(Type type) => Paragraphs(Member("T:" + DocName(type))?.Element("remarks"));

    public IReadOnlyList<(string Code, IReadOnlyList<string> Remarks)> Examples(Type type) =>
        (Member("T:" + DocName(type))?.Elements("example") ?? Enumerable.Empty<XElement>())
        .Select(e => (Code(e.Element("code")), Paragraphs(e, skipCode: true)))
        .ToList();

    /// <summary>The summary of a parameter property, looked up on the class that declares it.</summary>
    public string ParameterSummary(Type cmdlet, string property)
    {
        var declared = cmdlet.GetProperty(property)?.DeclaringType ?? cmdlet;
        return Text(Member("P:" + DocName(declared) + "." + property)?.Element("summary"));
    }

    private XElement? Member(string name) => _members.GetValueOrDefault(name);

    private static string DocName(Type type) => type.FullName!.Replace('+', '.');

    private static string Code(XElement? code)
    {
        if (code == null) return "";
        var lines = code.Value.Replace("\r", "").Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        int indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    /// <summary>Paragraphs from &lt;para&gt; elements, or the element's own text as one paragraph.</summary>
    private static IReadOnlyList<string> Paragraphs(XElement? element, bool skipCode = false)
    {
        if (element == null) return Array.Empty<string>();
        var paragraphs = element.Elements("para").Select(Text).Where(t => t.Length > 0).ToList();
        if (paragraphs.Count > 0) return paragraphs;
        var loose = new XElement(element);
        if (skipCode) loose.Elements("code").Remove();
        string text = Text(loose);
        return text.Length > 0 ? new[] { text } : Array.Empty<string>();
    }

    /// <summary>Flattens inline markup (&lt;c&gt;, &lt;see cref&gt;, &lt;paramref&gt;) into plain text.</summary>
    public static string Text(XElement? element)
    {
        if (element == null) return "";
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t: text.Append(t.Value); break;
                case XElement e when e.Name == "see" || e.Name == "seealso":
                    text.Append(e.Attribute("langword")?.Value ?? ShortName(e.Attribute("cref")?.Value) ?? e.Value); break;
                case XElement e when e.Name == "paramref" || e.Name == "typeparamref":
                    text.Append(e.Attribute("name")?.Value); break;
                case XElement e when e.Name == "para": text.Append(' ').Append(Text(e)).Append(' '); break;
                case XElement e: text.Append(Text(e)); break;
            }
        }
        return Regex.Replace(text.ToString(), @"\s+", " ").Trim();
    }

    private static string? ShortName(string? cref) => cref?[(cref.LastIndexOf('.') + 1)..];
}
