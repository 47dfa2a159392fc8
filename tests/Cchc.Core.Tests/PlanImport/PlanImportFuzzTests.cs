using System.Diagnostics;
using System.Text;
using Cchc.Core.PlanImport;

namespace Cchc.Core.Tests.PlanImport;

/// <summary>
/// The importer never crashes or hangs: random bytes, truncated and mutated seeds, and structure-shaped
/// noise either give a result or a <see cref="PlanImportException"/> without an inner exception
/// (an inner exception would be an importer bug caught by the safety net).
/// </summary>
public sealed class PlanImportFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens =
    [
        "Quý I/2019", "Tháng 13/2022", "Lần 1:", "trước ngày 31/02/2022", "\t", "\t\t", "|", "| TT | Nội dung |", "TT\tNội dung\tĐơn vị chủ trì\tSản phẩm\tThời gian",
        "I.", "II. Cải cách thể chế", "1.", "a)", "- ", "+ ", "100%", "30 đến 40%", "tối đa 30 phút", "02 lần/năm", "tăng bậc",
        "Năm 2023-2025 mỗi năm tăng tối thiểu 20%", "trong đó", "KẾ HOẠCH", "PHỤ LỤC", "Nơi nhận:", "Số:", "Hà Nội, ngày  tháng 12 năm 0000",
        "<b>", "</i>", "<br>", "**", "#", "&amp;", "\n", "\n\n", "\r\n", "\f", " ", "năm 9999", "ngày 99/99/9999", "Từ", "đến",
        "Báo cáo quý I gửi trước ngày 01/3", "gửi Kế hoạch trước ngày 25/02/2022", "9", "99", "9999", "Gi¸o dôc", "Vieät", "\u0300", "\uD800",
    ];

    private const int Inputs = 3000;

    [Fact]
    public async Task Thousands_of_random_and_mutated_inputs_never_crash_or_hang()
    {
        var seedsDir = Path.Combine(AppContext.BaseDirectory, "PlanImport", "Seeds");
        var seeds = Directory.GetFiles(seedsDir, "*.txt").Select(File.ReadAllBytes).ToArray();
        var random = new Random(20260222);
        var clock = Stopwatch.StartNew();
        int runs = 0, results = 0, refusals = 0;
        var slowest = TimeSpan.Zero;

        // A fixed number of inputs, not a time budget: how long they take is printed, never asserted
        // (speed is measured in bench/, and a loaded CI machine must not fail the suite).
        while (runs < Inputs)
        {
            var input = (runs % 4) switch
            {
                0 => RandomBytes(random),
                1 => MutatedSeed(random, seeds[random.Next(seeds.Length)]),
                2 => Encoding.UTF8.GetBytes(TokenSoup(random)),
                _ => Truncated(random, seeds[random.Next(seeds.Length)]),
            };
            var one = Stopwatch.StartNew();
            var ct = TestContext.Current.CancellationToken;
            var outcome = Task.Run(() => Run(input), ct);
            var first = await Task.WhenAny(outcome, Task.Delay(TimeSpan.FromSeconds(10), ct));
            Assert.True(first == outcome, $"run {runs} hung (input of {input.Length} bytes)");
            var (failure, read) = await outcome;
            Assert.Null(failure);
            if (one.Elapsed > slowest) slowest = one.Elapsed;
            if (read) results++; else refusals++;
            runs++;
        }

        output.WriteLine($"{runs} inputs in {clock.Elapsed.TotalSeconds:F1} s: {results} read, {refusals} refused; slowest {slowest.TotalMilliseconds:F0} ms");
        Assert.Equal(Inputs, results + refusals);
    }

    // A 20 MB document of one repeated line must finish, not time out in a quadratic loop.
    [Theory]
    [InlineData("- 100% TTHC được giải quyết đúng hạn, trong đó 50% trước hạn; ")]
    [InlineData("1\t")]
    [InlineData("năm 2022 ")]
    [InlineData("a")]
    public void A_huge_repetitive_document_finishes(string unit)
    {
        var sb = new StringBuilder();
        while (sb.Length < 2_000_000) sb.Append(unit);
        var text = sb.ToString();
        var clock = Stopwatch.StartNew();

        try
        {
            var plan = PlanImporter.Parse(text);
            Assert.NotNull(plan.Document);
        }
        catch (PlanImportException e)
        {
            Assert.Null(e.InnerException);
        }

        output.WriteLine($"{text.Length:N0} characters in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Text_over_the_limit_is_refused_in_Vietnamese()
    {
        var text = new string('a', PlanImporter.MaxChars + 1);

        var e = Assert.Throws<PlanImportException>(() => PlanImporter.Parse(text));

        Assert.StartsWith("Văn bản quá dài", e.Message);
    }

    /// <summary>(null, read) when the importer kept its contract; the failure otherwise.</summary>
    private static (string? Failure, bool Read) Run(byte[] input)
    {
        try
        {
            var plan = PlanImporter.Parse(input);
            return plan is null ? ("null result", false) : (null, true);
        }
        catch (PlanImportException e) when (e.InnerException is null)
        {
            return (null, false);
        }
        catch (Exception e)
        {
            return (e.ToString(), false);
        }
    }

    private static byte[] RandomBytes(Random r)
    {
        var b = new byte[r.Next(0, 4096)];
        r.NextBytes(b);
        return b;
    }

    private static byte[] MutatedSeed(Random r, byte[] seed)
    {
        // A window of the seed keeps runs short enough for thousands of them; whole seeds run in the fixture tests.
        var start = r.Next(Math.Max(1, seed.Length - 16_000));
        var b = seed.AsSpan(start, Math.Min(16_000, seed.Length - start)).ToArray();
        var flips = r.Next(1, 100);
        for (var i = 0; i < flips; i++) b[r.Next(b.Length)] = (byte)r.Next(256);
        return b;
    }

    private static byte[] Truncated(Random r, byte[] seed)
    {
        var start = r.Next(seed.Length);
        var length = Math.Min(seed.Length - start, r.Next(1, 12_000));
        return seed.AsSpan(start, length).ToArray();
    }

    private static string TokenSoup(Random r)
    {
        var sb = new StringBuilder();
        var n = r.Next(1, 400);
        for (var i = 0; i < n; i++) sb.Append(Tokens[r.Next(Tokens.Length)]).Append(r.Next(3) == 0 ? "\n" : " ");
        return sb.ToString();
    }
}
