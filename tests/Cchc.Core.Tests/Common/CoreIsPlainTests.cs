using System.Reflection;
using Cchc.Core.Common;

namespace Cchc.Core.Tests.Common;

public sealed class CoreIsPlainTests
{
    // architecture.md: Cchc.Core is plain C# with no package or project references.
    [Fact]
    public void Core_references_only_the_base_library()
    {
        var references = typeof(RuleViolation).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")
            .ToList();

        Assert.Empty(references);
    }
}
