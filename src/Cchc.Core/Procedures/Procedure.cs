using System.Text.RegularExpressions;
using Cchc.Core.Common;
using Cchc.Core.Dossiers;
using Cchc.Core.Text;

namespace Cchc.Core.Procedures;

/// <summary>Who decides the procedure (cấp thực hiện).</summary>
public enum CompetentLevel
{
    Ministry,
    Province,
    Department,
    /// <summary>District level: abolished from 01/07/2025 (two-level local government), kept for older data.</summary>
    District,
    Commune,
    School,
}

/// <summary>
/// Online public-service level (domain-rules C): NĐ 42/2022 kinds, and the NĐ 43/2011 levels 2–4 kept for
/// procedures recorded before 2022.
/// </summary>
public enum OnlineLevel
{
    None,
    Partial,
    Full,
    LegacyLevel2,
    LegacyLevel3,
    LegacyLevel4,
}

public enum IsoProcess
{
    None,
    Iso,
    ElectronicIso,
}

/// <summary>The editable fields of a procedure; the code is its identity and is not among them.</summary>
public sealed record ProcedureDetails(
    string Name,
    string Field,
    CompetentLevel Level,
    int OwningUnitId,
    ProcessingTime ProcessingTime,
    string? FeeText,
    long? FeeAmount,
    OnlineLevel OnlineLevel,
    bool PostalReceipt,
    bool PostalReturn,
    bool OnlinePayment,
    IsoProcess Iso,
    bool Published,
    bool Internal,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo);

/// <summary>
/// One administrative procedure (thủ tục hành chính) of the catalogue, as published in the national TTHC
/// database: code (e.g. "1.005090"), name, field, competent level, owning unit, processing time (the
/// dossier clock's limit), fees, online level, postal and payment options, ISO process, validity.
/// </summary>
public sealed partial class Procedure : IVersioned
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 500;
    public const int FeeTextMaxLength = 1000;
    public const int MaxProcessingAmount = 365;

    private Procedure() { }

    public Procedure(string code, ProcedureDetails details)
    {
        Code = CheckCode(code);
        Apply(details);
    }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Field { get; private set; } = "";
    public CompetentLevel Level { get; private set; }
    public int OwningUnitId { get; private set; }
    public int ProcessingAmount { get; private set; }
    public ProcessingTimeUnit ProcessingUnit { get; private set; }
    public string? FeeText { get; private set; }
    public long? FeeAmount { get; private set; }
    public OnlineLevel OnlineLevel { get; private set; }
    public bool PostalReceipt { get; private set; }
    public bool PostalReturn { get; private set; }
    public bool OnlinePayment { get; private set; }
    public IsoProcess Iso { get; private set; }
    public bool Published { get; private set; }
    public bool Internal { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public DateOnly? EffectiveTo { get; private set; }
    public bool IsDemo { get; private set; }

    /// <summary>Folded code, name and field (<see cref="VietnameseText.Fold"/>): filtered in SQL, ranked in memory.</summary>
    public string SearchKey { get; private set; } = "";

    public int Version { get; set; }

    public ProcessingTime ProcessingTime => new(ProcessingAmount, ProcessingUnit);

    public ProcedureDetails Details => new(Name, Field, Level, OwningUnitId, ProcessingTime, FeeText, FeeAmount, OnlineLevel,
        PostalReceipt, PostalReturn, OnlinePayment, Iso, Published, Internal, EffectiveFrom, EffectiveTo);

    public void Update(ProcedureDetails details) => Apply(details);

    public void MarkDemo() => IsDemo = true;

    /// <summary>In force on <paramref name="day"/>.</summary>
    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    private void Apply(ProcedureDetails d)
    {
        var name = VietnameseText.FoldWhitespace(d.Name);
        if (name.Length == 0) throw new RuleViolation("Vui lòng nhập tên thủ tục.", nameof(Name));
        if (name.Length > NameMaxLength) throw new RuleViolation($"Tên thủ tục tối đa {NameMaxLength} ký tự.", nameof(Name));
        var field = ProcedureFields.Find(d.Field)
            ?? throw new RuleViolation($"Lĩnh vực «{VietnameseText.FoldWhitespace(d.Field)}» không có trong danh mục lĩnh vực.", nameof(Field));
        if (!Enum.IsDefined(d.Level)) throw new RuleViolation("Cấp thực hiện không hợp lệ.", nameof(Level));
        if (!Enum.IsDefined(d.OnlineLevel)) throw new RuleViolation("Mức độ dịch vụ công trực tuyến không hợp lệ.", nameof(OnlineLevel));
        if (!Enum.IsDefined(d.Iso)) throw new RuleViolation("Quy trình ISO không hợp lệ.", nameof(Iso));
        if (d.OwningUnitId <= 0) throw new RuleViolation("Vui lòng chọn đơn vị chủ trì.", nameof(OwningUnitId));
        ArgumentNullException.ThrowIfNull(d.ProcessingTime);
        if (!Enum.IsDefined(d.ProcessingTime.Unit)) throw new RuleViolation("Đơn vị thời hạn giải quyết không hợp lệ.", "ProcessingUnit");
        if (d.ProcessingTime.Amount is < 0 or > MaxProcessingAmount)
            throw new RuleViolation($"Thời hạn giải quyết phải từ 0 đến {MaxProcessingAmount}.", "ProcessingAmount");
        if (d.FeeAmount is < 0) throw new RuleViolation("Lệ phí không được âm.", nameof(FeeAmount));
        var fee = d.FeeText is null ? null : VietnameseText.FoldWhitespace(d.FeeText);
        if (fee is { Length: > FeeTextMaxLength }) throw new RuleViolation($"Mô tả phí, lệ phí tối đa {FeeTextMaxLength} ký tự.", nameof(FeeText));
        if (d.OnlinePayment && d.OnlineLevel is OnlineLevel.None or OnlineLevel.LegacyLevel2)
            throw new RuleViolation("Chỉ thủ tục có dịch vụ công trực tuyến (một phần hoặc toàn trình) mới thanh toán trực tuyến được.", nameof(OnlinePayment));
        if (d.EffectiveTo is { } to && to < d.EffectiveFrom)
            throw new RuleViolation("Ngày hết hiệu lực phải sau ngày có hiệu lực.", nameof(EffectiveTo));
        if (d.Internal && d.Published)
            throw new RuleViolation("Thủ tục nội bộ không công bố trên trang công khai.", nameof(Published));

        Name = name;
        Field = field;
        Level = d.Level;
        OwningUnitId = d.OwningUnitId;
        ProcessingAmount = d.ProcessingTime.Amount;
        ProcessingUnit = d.ProcessingTime.Unit;
        FeeText = fee is { Length: > 0 } ? fee : null;
        FeeAmount = d.FeeAmount;
        OnlineLevel = d.OnlineLevel;
        PostalReceipt = d.PostalReceipt;
        PostalReturn = d.PostalReturn;
        OnlinePayment = d.OnlinePayment;
        Iso = d.Iso;
        Published = d.Published;
        Internal = d.Internal;
        EffectiveFrom = d.EffectiveFrom;
        EffectiveTo = d.EffectiveTo;
        SearchKey = VietnameseText.Fold($"{Code} {Name} {Field}");
    }

    private static string CheckCode(string? code)
    {
        var c = (code ?? "").Trim();
        if (c.Length == 0) throw new RuleViolation("Vui lòng nhập mã thủ tục.", nameof(Code));
        if (c.Length > CodeMaxLength || !CodePattern().IsMatch(c))
            throw new RuleViolation("Mã thủ tục gồm chữ số, chữ cái không dấu, dấu chấm hoặc gạch ngang (ví dụ 1.005090), tối đa 30 ký tự.", nameof(Code));
        return c;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9.\-]*$")]
    private static partial Regex CodePattern();
}

/// <summary>The fields (lĩnh vực) of the education sector's procedures, as the national TTHC database names them.</summary>
public static class ProcedureFields
{
    public static readonly IReadOnlyList<string> All =
    [
        "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân",
        "Giáo dục mầm non",
        "Giáo dục tiểu học",
        "Giáo dục trung học",
        "Giáo dục thường xuyên",
        "Giáo dục dân tộc",
        "Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân và cơ sở giáo dục khác",
        "Thi, tuyển sinh",
        "Văn bằng, chứng chỉ",
        "Hệ thống văn bằng, chứng chỉ",
        "Quy chế thi, tuyển sinh",
        "Kiểm định chất lượng giáo dục",
        "Đào tạo với nước ngoài",
        "Giáo dục nghề nghiệp",
        "Nhà giáo",
        "Cơ sở vật chất và thiết bị trường học",
    ];

    /// <summary>The catalogue's spelling of <paramref name="text"/> (diacritics and case ignored), or null.</summary>
    public static string? Find(string? text)
    {
        var key = VietnameseText.Fold(text);
        return key.Length == 0 ? null : All.FirstOrDefault(f => VietnameseText.Fold(f) == key);
    }
}

/// <summary>Vietnamese names of the catalogue's enumerations.</summary>
public static class ProcedureNames
{
    public static string Of(CompetentLevel level) => level switch
    {
        CompetentLevel.Ministry => "Cấp Bộ",
        CompetentLevel.Province => "UBND cấp tỉnh",
        CompetentLevel.Department => "Sở Giáo dục và Đào tạo",
        CompetentLevel.District => "Cấp huyện (trước 01/07/2025)",
        CompetentLevel.Commune => "UBND cấp xã",
        _ => "Cơ sở giáo dục",
    };

    public static string Of(OnlineLevel level) => level switch
    {
        OnlineLevel.None => "Không có dịch vụ công trực tuyến",
        OnlineLevel.Partial => "Dịch vụ công trực tuyến một phần",
        OnlineLevel.Full => "Dịch vụ công trực tuyến toàn trình",
        OnlineLevel.LegacyLevel2 => "Mức độ 2 (trước 2022)",
        OnlineLevel.LegacyLevel3 => "Mức độ 3 (trước 2022)",
        _ => "Mức độ 4 (trước 2022)",
    };

    public static string Of(IsoProcess iso) => iso switch
    {
        IsoProcess.None => "Không",
        IsoProcess.Iso => "ISO 9001",
        _ => "ISO điện tử",
    };

    public static string Of(ProcessingTime time) => time.Unit switch
    {
        _ when time.Amount == 0 && time.Unit == ProcessingTimeUnit.WorkingDays => "Trong ngày làm việc",
        ProcessingTimeUnit.WorkingDays => $"{time.Amount} ngày làm việc",
        ProcessingTimeUnit.CalendarDays => $"{time.Amount} ngày",
        _ => $"{time.Amount} giờ làm việc",
    };
}

/// <summary>Search of the public catalogue: diacritics, case and word order ignored.</summary>
public static class ProcedureSearch
{
    /// <summary>The folded words of a query (each must occur in the search key).</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim(',', '.', ';', ':', '(', ')', '"', '«', '»')).Where(w => w.Length > 0).Distinct().ToList();

    /// <summary>
    /// Rank of a matching procedure (higher first): the query as a phrase in the name, then words of the
    /// name starting with the query words, then an exact code; 0 when a word is missing.
    /// </summary>
    public static int Score(string searchKey, string foldedName, string code, IReadOnlyList<string> words)
    {
        if (words.Count == 0) return 1;
        if (words.Any(w => !searchKey.Contains(w, StringComparison.Ordinal))) return 0;
        int score = 1;
        var phrase = string.Join(' ', words);
        if (foldedName.Contains(phrase, StringComparison.Ordinal)) score += 100;
        if (foldedName.StartsWith(phrase, StringComparison.Ordinal)) score += 50;
        var nameWords = foldedName.Split(' ');
        score += words.Count(w => nameWords.Contains(w)) * 10;
        if (words.Count == 1 && string.Equals(words[0], code, StringComparison.OrdinalIgnoreCase)) score += 1000;
        return score;
    }
}
