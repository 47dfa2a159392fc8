using System.Diagnostics;
using System.Text;
using Cchc.Core.PlanImport;

// Plan import throughput (docs/benchmarks.md, "Plan import"): a 1 MB plan document made by repeating the
// seeds' text is parsed RUNS times after a warm-up; prints the first parse of the process (JIT included),
// median and p90 of wall and CPU time, and decoding (bytes → text) and reading (text → plan) measured alone.
// Usage: bench/run.sh import [--scale] [SEEDS_DIR] (RUNS=30, BYTES=1048576 by default).
//   --scale  the same at 0.25, 0.5, 1 and 2 MB, to show how the time grows with the size.

// Twenty parses: with five, the JIT was still replacing the hot methods with optimised code (tiered
// compilation) during the timed runs, and its threads' work was counted in the CPU time.
const int WarmUp = 20;

var scale = args.Contains("--scale");
var seeds = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
    ?? Path.Combine("tests", "Cchc.Core.Tests", "PlanImport", "Seeds");
var runs = int.TryParse(Environment.GetEnvironmentVariable("RUNS"), out var r) && r > 0 ? r : 30;
var targetBytes = int.TryParse(Environment.GetEnvironmentVariable("BYTES"), out var b) && b > 0 ? b : 1024 * 1024;

// Seed 002 (an appendix of 69 rows) first, so that the document is one long plan with a long task table,
// then the others: the repeated headers and sections are read as more of the same document.
var texts = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f.Contains("002_") ? 0 : 1).ThenBy(f => f).Select(File.ReadAllText).ToList();

if (scale)
{
    // Warmed up on the 1 MB document first: the smallest size alone would be timed partly before the JIT's
    // optimised code is in place.
    var warmUp = Document(1024 * 1024);
    for (var i = 0; i < WarmUp; i++) PlanImporter.Parse(warmUp);
    Console.WriteLine("| document | tasks read | wall median | CPU median | CPU per MB |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var size in new[] { 256 * 1024, 512 * 1024, 1024 * 1024, 2048 * 1024 })
    {
        var bytes = Document(size);
        var m = Measure(bytes);
        Console.WriteLine($"| {bytes.Length:N0} bytes | {m.Tasks} | {Median(m.Wall):F1} ms | {Median(m.Cpu):F1} ms | {Median(m.Cpu) / (bytes.Length / 1048576.0):F1} ms |");
    }
    return;
}

var document = Document(targetBytes);
var first = Stopwatch.StartNew();
PlanImporter.Parse(document);
Console.WriteLine($"first parse in this process (JIT compiling included): {first.Elapsed.TotalMilliseconds:F1} ms");
var result = Measure(document);
var text = PlanTextReader.Decode(document).Text;
Console.WriteLine($"document: {document.Length:N0} bytes ({text.Length:N0} characters, {text.Count(c => c == '\n'):N0} lines), {result.Tasks} tasks read");
Console.WriteLine($"runs: {runs} after {WarmUp} warm-up; wall median {Median(result.Wall):F1} ms, p90 {P90(result.Wall):F1} ms, min {result.Wall.Min():F1} ms, max {result.Wall.Max():F1} ms");
Console.WriteLine($"CPU time per parse: median {Median(result.Cpu):F1} ms, p90 {P90(result.Cpu):F1} ms, min {result.Cpu.Min():F1} ms");

// The two halves alone: decoding (UTF-8 check, legacy-encoding checks) and reading the decoded text.
var decode = Time(() => PlanTextReader.Decode(document));
var read = Time(() => PlanImporter.Parse(text));
Console.WriteLine($"of which decoding the bytes alone: median {Median(decode):F1} ms; reading the text alone (text → plan): median {Median(read):F1} ms");

byte[] Document(int size)
{
    var sb = new StringBuilder();
    for (var i = 0; Encoding.UTF8.GetByteCount(sb.ToString()) < size; i++)
        sb.Append(texts[i % texts.Count]).Append('\n');
    return Encoding.UTF8.GetBytes(sb.ToString());
}

(List<double> Wall, List<double> Cpu, int Tasks) Measure(byte[] bytes)
{
    for (var i = 0; i < WarmUp; i++) PlanImporter.Parse(bytes);
    var wall = new List<double>();
    var cpu = new List<double>();
    var tasks = 0;
    var self = Process.GetCurrentProcess();
    for (var i = 0; i < runs; i++)
    {
        self.Refresh();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var plan = PlanImporter.Parse(bytes);
        watch.Stop();
        self.Refresh();
        // CPU time of the process (all threads, GC included): on a shared, loaded machine wall time mostly
        // measures waiting for a core; CPU time is what the parse costs.
        cpu.Add((self.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        wall.Add(watch.Elapsed.TotalMilliseconds);
        tasks = plan.Tasks.Count;
    }
    return (wall, cpu, tasks);
}

List<double> Time(Action action)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    return times;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    var n = sorted.Count;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

// Nearest rank: the value 90% of the runs do not exceed.
static double P90(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
}
