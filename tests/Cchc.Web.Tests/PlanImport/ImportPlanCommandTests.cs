using System.Text.Json;
using Cchc.Web.Features.PlanImport;

namespace Cchc.Web.Tests.PlanImport;

public sealed class ImportPlanCommandTests
{
    // Task counts of the five seeds (docs/plan-import-notes.md, "Fixtures and figures").
    [Theory]
    [InlineData("000", 28)]
    [InlineData("001", 47)]
    [InlineData("002", 69)]
    [InlineData("003", 38)]
    [InlineData("004", 28)]
    public async Task The_json_of_each_seed_parses_and_holds_its_tasks(string seed, int tasks)
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await ImportPlanCommand.RunAsync([TestDocuments.SeedPath(seed), "--json"], output, errors, TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Equal("", errors.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(tasks, json.RootElement.GetProperty("tasks").GetArrayLength());
        foreach (var field in new[] { "document", "sections", "targets", "reports", "childPlanDue", "warnings" })
            Assert.True(json.RootElement.TryGetProperty(field, out _), $"contract field {field} missing");
    }

    [Fact]
    public async Task The_json_writes_Vietnamese_as_itself()
    {
        var output = new StringWriter();
        await ImportPlanCommand.RunAsync([TestDocuments.SeedPath("003"), "--json"], output, TextWriter.Null, TestContext.Current.CancellationToken);
        Assert.Contains("\"title\": \"", output.ToString());
        Assert.Contains("Văn phòng", output.ToString());
        Assert.DoesNotContain("\\u", output.ToString());
    }

    [Fact]
    public async Task Without_json_a_Vietnamese_summary_is_printed()
    {
        var output = new StringWriter();
        var code = await ImportPlanCommand.RunAsync([TestDocuments.SeedPath("002")], output, TextWriter.Null, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        Assert.Contains("nhiệm vụ: 69", output.ToString());
    }

    [Fact]
    public async Task An_unusable_file_exits_with_1_and_the_error_on_stderr()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cchc-bad-{Guid.NewGuid():N}.docx");
        await File.WriteAllBytesAsync(path, TestDocuments.Garbage(), TestContext.Current.CancellationToken);
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            var code = await ImportPlanCommand.RunAsync([path, "--json"], output, errors, TestContext.Current.CancellationToken);
            Assert.Equal(1, code);
            Assert.Equal("", output.ToString());
            Assert.Contains("Word", errors.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_missing_file_exits_with_1()
    {
        var errors = new StringWriter();
        Assert.Equal(1, await ImportPlanCommand.RunAsync(["/khong/co/tep.txt"], TextWriter.Null, errors, TestContext.Current.CancellationToken));
        Assert.Contains("Không tìm thấy tệp", errors.ToString());
    }

    [Fact]
    public void The_verb_is_recognised_on_the_command_line()
    {
        var (verb, rest) = Cli.Split(["import-plan", "plan.docx", "--json"]);
        Assert.Equal("import-plan", verb);
        Assert.Equal(["plan.docx", "--json"], rest);
    }
}
