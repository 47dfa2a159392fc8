using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Core.PlanImport;

namespace Cchc.Core.Tests.PlanImport;

public sealed class DumpTests
{
    [Fact]
    public void Dump()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "PlanImport", "Seeds");
        foreach (var f in Directory.GetFiles(dir, "*.txt"))
        {
            var plan = PlanImporter.Parse(File.ReadAllBytes(f));
            var json = JsonSerializer.Serialize(plan, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            File.WriteAllText("/tmp/dump_" + Path.GetFileNameWithoutExtension(f) + ".json", json);
        }
        Assert.True(true);
    }
}
