using Cchc.Core.PlanImport;
using Cchc.Web.Features.PlanImport;

namespace Cchc.Web.Tests.PlanImport;

/// <summary>Any bytes end in a result or a clear error, never another exception (issue 4, "Safety").</summary>
public sealed class PlanDocumentsRobustnessTests
{
    private static async Task<string?> FailureAsync(string name, byte[] bytes)
    {
        try
        {
            await PlanDocuments.ReadAsync(name, bytes, TestContext.Current.CancellationToken);
            return null;
        }
        catch (PlanImportException e)
        {
            return e.InnerException is null ? null : $"{name}: internal error {e.InnerException}";
        }
        catch (Exception e)
        {
            return $"{name}: {e.GetType().Name}: {e.Message}";
        }
    }

    [Fact]
    public async Task A_docx_with_random_bytes_changed_is_read_or_refused_clearly()
    {
        var original = TestDocuments.Docx();
        var random = new Random(2019);
        var failures = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var k = random.Next(1, 12); k > 0; k--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            if (await FailureAsync($"mutant{i}.docx", bytes) is { } failure) failures.Add(failure);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_truncated_docx_or_pdf_is_refused_clearly()
    {
        var failures = new List<string>();
        foreach (var (name, whole) in new[] { ("kh.docx", TestDocuments.Docx()), ("kh.pdf", TestDocuments.Pdf("KE HOACH", "Cai cach hanh chinh nam 2022")) })
            foreach (var cut in new[] { 4, 10, 30, 100, whole.Length / 2, whole.Length - 1 })
                if (await FailureAsync(name, whole[..Math.Min(cut, whole.Length)]) is { } failure) failures.Add(failure);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Random_bytes_under_every_name_are_refused_clearly()
    {
        var random = new Random(61);
        var failures = new List<string>();
        foreach (var name in new[] { "a.txt", "a.md", "a.docx", "a.pdf", "a" })
            for (var i = 0; i < 20; i++)
            {
                var bytes = new byte[random.Next(1, 20_000)];
                random.NextBytes(bytes);
                if (i % 4 == 0) "PK\u0003\u0004"u8.CopyTo(bytes.AsSpan(0, Math.Min(4, bytes.Length)));
                if (i % 4 == 1 && bytes.Length > 5) "%PDF-"u8.CopyTo(bytes);
                if (await FailureAsync(name, bytes) is { } failure) failures.Add(failure);
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
