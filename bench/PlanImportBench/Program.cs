using System.Diagnostics;
using System.Text;
using Cchc.Core.PlanImport;

// Plan import throughput (docs/benchmarks.md, "Plan import"): a 1 MB plan document made by repeating the
// seeds' text is parsed RUNS times after a warm-up; prints the median, min and max.
// Usage: bench/run.sh import [SEEDS_DIR] (RUNS=30 by default).
var seeds = args.Length > 0 ? args[0] : Path.Combine("tests", "Cchc.Core.Tests", "PlanImport", "Seeds");
var runs = int.TryParse(Environment.GetEnvironmentVariable("RUNS"), out var r) && r > 0 ? r : 30;
const int TargetBytes = 1024 * 1024;

// Seed 002 (an appendix of 69 rows) first, so that the document is one long plan with a long task table,
// then the others: the repeated headers and sections are read as more of the same document.
var texts = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f.Contains("002_") ? 0 : 1).ThenBy(f => f).Select(File.ReadAllText).ToList();
var sb = new StringBuilder();
for (var i = 0; Encoding.UTF8.GetByteCount(sb.ToString()) < TargetBytes; i++)
    sb.Append(texts[i % texts.Count]).Append('\n');
var bytes = Encoding.UTF8.GetBytes(sb.ToString());

for (var i = 0; i < 5; i++) PlanImporter.Parse(bytes);
var times = new List<double>();
var tasks = 0;
for (var i = 0; i < runs; i++)
{
    var watch = Stopwatch.StartNew();
    var plan = PlanImporter.Parse(bytes);
    watch.Stop();
    tasks = plan.Tasks.Count;
    times.Add(watch.Elapsed.TotalMilliseconds);
}
times.Sort();
var median = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
Console.WriteLine($"document: {bytes.Length:N0} bytes ({sb.Length:N0} characters), {tasks} tasks read");
Console.WriteLine($"runs: {runs} after 5 warm-up; median {median:F1} ms, min {times[0]:F1} ms, max {times[^1]:F1} ms");
