using System.Diagnostics;
using System.Text;
using Cchc.Core.PlanImport;

// Plan import throughput (docs/benchmarks.md, "Plan import"): a 1 MB plan document made by repeating the
// seeds' text is parsed RUNS times after a warm-up; prints the median, min and max.
// Usage: bench/run.sh import [SEEDS_DIR] (RUNS=30 by default).
var seeds = args.Length > 0 ? args[0] : Path.Combine("tests", "Cchc.Core.Tests", "PlanImport", "Seeds");
var runs = int.TryParse(Environment.GetEnvironmentVariable("RUNS"), out var r) && r > 0 ? r : 30;
var TargetBytes = int.TryParse(Environment.GetEnvironmentVariable("BYTES"), out var b) && b > 0 ? b : 1024 * 1024;

// Seed 002 (an appendix of 69 rows) first, so that the document is one long plan with a long task table,
// then the others: the repeated headers and sections are read as more of the same document.
var texts = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f.Contains("002_") ? 0 : 1).ThenBy(f => f).Select(File.ReadAllText).ToList();
var sb = new StringBuilder();
for (var i = 0; Encoding.UTF8.GetByteCount(sb.ToString()) < TargetBytes; i++)
    sb.Append(texts[i % texts.Count]).Append('\n');
var bytes = Encoding.UTF8.GetBytes(sb.ToString());

for (var i = 0; i < 5; i++) PlanImporter.Parse(bytes);
var times = new List<double>();
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
    tasks = plan.Tasks.Count;
    times.Add(watch.Elapsed.TotalMilliseconds);
}
times.Sort();
// The decoding share (UTF-8 validation, legacy-encoding checks, NFC), measured alone.
var decode = new List<double>();
for (var i = 0; i < runs; i++)
{
    var watch = Stopwatch.StartNew();
    PlanTextReader.Decode(bytes);
    decode.Add(watch.Elapsed.TotalMilliseconds);
}
decode.Sort();
var median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
Console.WriteLine($"document: {bytes.Length:N0} bytes ({sb.Length:N0} characters), {tasks} tasks read");
Console.WriteLine($"runs: {runs} after 5 warm-up; median {median:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms");
cpu.Sort();
Console.WriteLine($"CPU time per parse: median {cpu[runs / 2]:F1} ms, min {cpu[0]:F1} ms");
Console.WriteLine($"of which decoding the bytes alone: median {decode[runs / 2]:F1} ms");
