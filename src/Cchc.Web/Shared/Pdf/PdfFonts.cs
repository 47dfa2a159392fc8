using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Cchc.Web.Shared.Pdf;

/// <summary>
/// A font family that draws Vietnamese correctly in PDFsharp 6.5, with the embedding it needs.
/// DejaVu builds its Vietnamese letters as composite glyphs and PDFsharp's subsetting drops the stacked
/// marks ("Nguyễn" shows as "Nguyen" although the text layer is right; dependencies.md §4), so DejaVu is
/// embedded whole. Noto was checked correct with the default subset embedding.
/// </summary>
public sealed record PdfFontFamily(string Name, string Regular, string Bold, string Italic, string BoldItalic, PdfFontEmbedding Embedding, string AptPackage)
{
    internal string? Directory { get; init; }

    internal string? PathOf(bool bold, bool italic) =>
        Directory is null ? null : Path.Combine(Directory, bold ? (italic ? BoldItalic : Bold) : (italic ? Italic : Regular));
}

/// <summary>
/// Finds installed fonts that have every Vietnamese letter and serves their TTF bytes to PDFsharp.
/// Liberation Serif/Sans (Times/Arial metrics) are NOT candidates: they lack U+1EA0–U+1EF9 (ạ, ầ, ễ, ự…).
/// </summary>
public static class PdfFonts
{
    /// <summary>In order of preference: a Times-like serif first, as official documents use (Decree 30/2020 app. I).</summary>
    public static IReadOnlyList<PdfFontFamily> Candidates { get; } =
    [
        new("Noto Serif", "NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf", PdfFontEmbedding.TryComputeSubset, "fonts-noto-core"),
        new("DejaVu Serif", "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf", PdfFontEmbedding.EmbedCompleteFontFile, "fonts-dejavu-core"),
        new("Noto Sans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf", PdfFontEmbedding.TryComputeSubset, "fonts-noto-core"),
        new("DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf", PdfFontEmbedding.EmbedCompleteFontFile, "fonts-dejavu-core"),
    ];

    /// <summary>Where fonts are looked for; CCHC_FONT_DIR (a folder holding the TTF files) comes first.</summary>
    public static IReadOnlyList<string> SearchDirectories { get; } =
    [
        .. Environment.GetEnvironmentVariable("CCHC_FONT_DIR") is { Length: > 0 } dir ? [dir] : Array.Empty<string>(),
        "/usr/share/fonts", "/usr/local/share/fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"),
    ];

    private static readonly Lazy<IReadOnlyList<PdfFontFamily>> InstalledFamilies = new(FindInstalled);
    private static readonly object Gate = new();
    private static bool _ready;

    /// <summary>The installed candidate families, best first.</summary>
    public static IReadOnlyList<PdfFontFamily> Installed => InstalledFamilies.Value;

    /// <summary>The family used when a document does not ask for one: the first installed candidate.</summary>
    public static PdfFontFamily Default => Installed.Count > 0
        ? Installed[0]
        : throw new InvalidOperationException(
            "Không tìm thấy phông chữ tiếng Việt để tạo PDF. Cài một trong các gói: fonts-noto-core (Noto Serif/Noto Sans) " +
            "hoặc fonts-dejavu-core (DejaVu), ví dụ `apt-get install fonts-noto-core`, hoặc đặt CCHC_FONT_DIR tới thư mục chứa tệp " +
            string.Join(", ", Candidates.Select(c => c.Regular)) + ".");

    /// <summary>The installed family named <paramref name="name"/>, or null.</summary>
    public static PdfFontFamily? Find(string name) =>
        Installed.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Once per process: accepts PDFsharp's AGPL licence (docs/decisions.md "PDF output with PDFsharp under
    /// the AGPL") and installs the font resolver. PDFsharp allows the resolver to be set only once.
    /// </summary>
    public static void EnsureReady()
    {
        if (_ready) return;
        lock (Gate)
        {
            if (_ready) return;
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            if (GlobalFontSettings.FontResolver is not Resolver)
                GlobalFontSettings.FontResolver = new Resolver();
            _ready = true;
        }
    }

    private static IReadOnlyList<PdfFontFamily> FindInstalled()
    {
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var root in SearchDirectories.Where(System.IO.Directory.Exists))
        {
            IEnumerable<string> found;
            try { found = System.IO.Directory.EnumerateFiles(root, "*.ttf", SearchOption.AllDirectories); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            foreach (var file in found) files.TryAdd(Path.GetFileName(file), Path.GetDirectoryName(file)!);
        }
        var installed = new List<PdfFontFamily>();
        foreach (var c in Candidates)
        {
            // All four faces must sit in one folder; a family without them is not offered (no synthetic bold).
            if (files.TryGetValue(c.Regular, out var dir)
                && new[] { c.Bold, c.Italic, c.BoldItalic }.All(f => File.Exists(Path.Combine(dir, f))))
                installed.Add(c with { Directory = dir });
        }
        return installed;
    }

    private sealed class Resolver : IFontResolver
    {
        private readonly Dictionary<string, byte[]> _bytes = new(StringComparer.Ordinal);

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
        {
            // Any other family PDFsharp asks for (its own defaults) gets the default family.
            var family = Find(familyName) ?? Default;
            return new FontResolverInfo(family.PathOf(isBold, isItalic)!);
        }

        public byte[]? GetFont(string faceName)
        {
            lock (_bytes)
            {
                if (!_bytes.TryGetValue(faceName, out var bytes))
                    _bytes[faceName] = bytes = File.ReadAllBytes(faceName);
                return bytes;
            }
        }
    }
}
