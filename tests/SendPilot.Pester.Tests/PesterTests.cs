using Xunit;
using Xunit.Abstractions;

namespace SendPilot.Pester.Tests;

/// <summary>A Pester test as an xunit test case; its display is the file and the test's full name, uncut.</summary>
public sealed class PesterCase : IXunitSerializable
{
    public PesterCase() { }

    public PesterCase(string file, string name, int occurrence)
    {
        File = file;
        Name = name;
        Occurrence = occurrence;
    }

    public string File { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Which of several tests with the same name (data-driven tests may repeat one).</summary>
    public int Occurrence { get; private set; }

    public void Deserialize(IXunitSerializationInfo info)
    {
        File = info.GetValue<string>(nameof(File));
        Name = info.GetValue<string>(nameof(Name));
        Occurrence = info.GetValue<int>(nameof(Occurrence));
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Name), Name);
        info.AddValue(nameof(Occurrence), Occurrence);
    }

    public override string ToString() => Occurrence == 0 ? $"{File} > {Name}" : $"{File} > {Name} #{Occurrence + 1}";
}

/// <summary>Each Pester test of tests/pester as an xunit test, plus one per file for what runs outside any test.</summary>
public class PesterTests
{
    private readonly ITestOutputHelper _output;

    public PesterTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Tests()
    {
        foreach (var group in PesterSuite.Tests.GroupBy(t => (t.File, t.Name)))
        {
            int occurrence = 0;
            foreach (var _ in group) yield return new object[] { new PesterCase(group.Key.File, group.Key.Name, occurrence++) };
        }
    }

    public static IEnumerable<object[]> Files() => PesterSuite.Files.Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Tests))]
    public async Task Pester(PesterCase test)
    {
        var run = await PesterSuite.RunAsync(test.File);
        var result = run.Tests.Where(t => t.Name == test.Name).ElementAtOrDefault(test.Occurrence);
        Assert.True(result != null, $"{test}: discovered but did not run.\n{run.Output}");
        Assert.True(result!.Result == "Passed", $"{test}: {result.Result}.\n{result.Message}");
    }

    /// <summary>The file's BeforeAll/AfterAll and the pwsh process itself; its whole Pester output is attached.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public async Task PesterFile(string file)
    {
        var run = await PesterSuite.RunAsync(file);
        _output.WriteLine(run.Output);
        // A failing test fails the container too; only errors of the container's own are this case's.
        var broken = run.Containers.Where(c => !string.IsNullOrWhiteSpace(c.Message)).ToList();
        Assert.True(broken.Count == 0, $"{file}: " + string.Join("\n", broken.Select(c => c.Message)) + "\n" + run.Output);
        Assert.True(run.ExitCode == 0, $"{file}: pwsh exited with {run.ExitCode}.\n{run.Output}");
        Assert.Equal(PesterSuite.Tests.Count(t => t.File == file), run.Tests.Count);
    }
}
