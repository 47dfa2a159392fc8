using System.Diagnostics;
using System.Text;

namespace Cchc.Web.Tests.Infrastructure;

/// <summary>
/// poppler-utils (pdftotext, pdftoppm) for reading back the PDFs the product writes. PDFsharp has no text
/// extraction and no renderer (dependencies.md §4). Missing tools fail the test in CI (CI=true; .ci/run
/// installs poppler-utils) and skip it on a developer's machine, like the PostgreSQL tests.
/// </summary>
public static class Poppler
{
    private static readonly Lazy<string?> Missing = new(() =>
        new[] { "pdftotext", "pdftoppm" }.FirstOrDefault(tool => !OnPath(tool)));

    public static void Require()
    {
        if (Missing.Value is not { } tool) return;
        if (PostgresServer.Required) Assert.Fail($"{tool} is required in CI (apt-get install poppler-utils).");
        Assert.Skip($"{tool} not installed here (apt-get install poppler-utils).");
    }

    /// <summary>
    /// The text layer as `pdftotext -enc UTF-8` reads it. <paramref name="raw"/> keeps content-stream order:
    /// the default reading-order mode takes a line of one-letter words ("à á ã") for letter-spaced text and drops its spaces.
    /// </summary>
    public static async Task<string> TextAsync(byte[] pdf, bool raw = false)
    {
        Require();
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "in.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var output = Path.Combine(dir.Path, "out.txt");
        await RunAsync("pdftotext", ["-enc", "UTF-8", .. raw ? new[] { "-raw" } : [], file, output]);
        return await File.ReadAllTextAsync(output, Encoding.UTF8);
    }

    /// <summary>Page <paramref name="page"/> rendered in grey at <paramref name="dpi"/>.</summary>
    public static async Task<GrayImage> RenderAsync(byte[] pdf, int page = 1, int dpi = 150)
    {
        Require();
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "in.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var prefix = Path.Combine(dir.Path, "page");
        await RunAsync("pdftoppm", ["-gray", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", file, prefix]);
        return GrayImage.ReadPgm(await File.ReadAllBytesAsync(prefix + ".pgm"), dpi);
    }

    /// <summary>Every page rendered in grey, cropped to the top-left <paramref name="widthPt"/> × <paramref name="heightPt"/> points.</summary>
    public static async Task<IReadOnlyList<GrayImage>> RenderPagesAsync(byte[] pdf, double widthPt, double heightPt, int dpi = 150)
    {
        Require();
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "in.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var prefix = Path.Combine(dir.Path, "page");
        var w = (int)Math.Ceiling(widthPt * dpi / 72);
        var h = (int)Math.Ceiling(heightPt * dpi / 72);
        await RunAsync("pdftoppm", ["-gray", "-r", dpi.ToString(), "-x", "0", "-y", "0", "-W", w.ToString(), "-H", h.ToString(), file, prefix]);
        var pages = new List<GrayImage>();
        foreach (var page in Directory.GetFiles(dir.Path, "page-*.pgm").OrderBy(f => f, StringComparer.Ordinal))
            pages.Add(GrayImage.ReadPgm(await File.ReadAllBytesAsync(page), dpi));
        return pages;
    }

    private static async Task RunAsync(string tool, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));

    private sealed class TempDir : IDisposable
    {
        public TempDir() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-pdf-" + Guid.NewGuid().ToString("N")[..8]));

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>An 8-bit grey raster (0 = black) from a binary PGM file.</summary>
public sealed class GrayImage(int width, int height, byte[] pixels, int dpi)
{
    public int Width => width;

    public int Height => height;

    /// <summary>Dark pixels (below half grey) inside a rectangle given in PDF points from the page's top left.</summary>
    public int InkInPoints(double x, double y, double w, double h)
    {
        var scale = dpi / 72.0;
        int x0 = (int)Math.Ceiling(x * scale), y0 = (int)Math.Ceiling(y * scale);
        int x1 = Math.Min(width, (int)Math.Floor((x + w) * scale)), y1 = Math.Min(height, (int)Math.Floor((y + h) * scale));
        var ink = 0;
        for (var py = y0; py < y1; py++)
            for (var px = x0; px < x1; px++)
                if (pixels[py * width + px] < 128) ink++;
        return ink;
    }

    public int Ink() => pixels.Count(p => p < 128);

    /// <summary>Total darkness (sum of 255 − grey), which also counts light tints such as a watermark.</summary>
    public long Shade() => pixels.Sum(p => 255L - p);

    public static GrayImage ReadPgm(byte[] data, int dpi)
    {
        var pos = 0;
        string Token()
        {
            while (pos < data.Length)
            {
                if (data[pos] == '#') { while (data[pos] != '\n') pos++; }
                else if (char.IsWhiteSpace((char)data[pos])) pos++;
                else break;
            }
            var start = pos;
            while (!char.IsWhiteSpace((char)data[pos])) pos++;
            return Encoding.ASCII.GetString(data, start, pos - start);
        }
        if (Token() != "P5") throw new InvalidDataException("Not a binary PGM.");
        var w = int.Parse(Token());
        var h = int.Parse(Token());
        if (int.Parse(Token()) != 255) throw new InvalidDataException("Only 8-bit PGM is read.");
        pos++; // the single whitespace after maxval
        return new GrayImage(w, h, data.AsSpan(pos, w * h).ToArray(), dpi);
    }
}
