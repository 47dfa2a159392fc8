using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Core.Common;

namespace Cchc.Core.Dossiers;

/// <summary>The parts of a dossier code (mã số hồ sơ).</summary>
public sealed record DossierCode(string AgencyCode, DateOnly ReceivedOn, string? PlatformCode, int Sequence);

/// <summary>
/// How a period writes dossier codes: <c>{agency}-{YYMMDD}-{sequence of the day}</c> (domain-rules A10).
/// NĐ 61 art. 26 + TT 01/2018 art. 19: <c>V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX</c>, exactly 4 digits.
/// TT 03/2025 art. 13.3 (added by TT 04/2025, from 25/01/2026), for procedures run on central national
/// platforms: <c>MX1X2.Y1Y2Y3.Z1Z2-YYMMDD-AAXXXX</c>, AA the platform owner's 2 digits, at least 4 digits.
/// </summary>
public sealed partial record DossierCodeFormat(
    string Pattern,
    int MinSequenceDigits,
    int? MaxSequenceDigits,
    DateOnly? NationalPlatformFrom)
{
    public static DossierCodeFormat Decree61 { get; } = new("V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX", 4, 4, null);

    /// <summary>⚠️ the general 118/2025-era layout is taken as NĐ 61's with a sequence that may grow past 4 digits.</summary>
    public static DossierCodeFormat Decree118 { get; } =
        new("<mã định danh cơ quan>-YYMMDD-XXXX…", 4, null, new DateOnly(2026, 1, 25));

    public string Format(string agencyCode, DateOnly receivedOn, int sequence) =>
        $"{CheckAgency(agencyCode)}-{receivedOn:yyMMdd}-{FormatSequence(sequence)}";

    /// <summary>The TT 04/2025 variant with the platform owner's two digits before the sequence.</summary>
    public string FormatOnNationalPlatform(string agencyCode, DateOnly receivedOn, string platformCode, int sequence)
    {
        if (NationalPlatformFrom is not { } from || receivedOn < from)
        {
            throw new RuleViolation(
                "Mã hồ sơ theo nền tảng dùng chung quốc gia chỉ áp dụng từ ngày 25/01/2026 (Thông tư 04/2025/TT-VPCP).");
        }

        if (!TwoDigits().IsMatch(platformCode))
        {
            throw new RuleViolation("Mã đơn vị chủ quản nền tảng phải gồm 2 chữ số.", nameof(platformCode));
        }

        return $"{CheckAgency(agencyCode)}-{receivedOn:yyMMdd}-{platformCode}{FormatSequence(sequence)}";
    }

    /// <summary>Parses a code; <paramref name="onNationalPlatform"/> says whether the last group starts with AA.</summary>
    public static bool TryParse(string code, bool onNationalPlatform, out DossierCode? parsed)
    {
        parsed = null;
        var match = CodeRegex().Match(code);
        if (!match.Success
            || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        string tail = match.Groups["seq"].Value;
        string? platform = null;
        if (onNationalPlatform)
        {
            if (tail.Length < 6)
            {
                return false;
            }

            platform = tail[..2];
            tail = tail[2..];
        }

        if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out int sequence))
        {
            return false;
        }

        parsed = new DossierCode(match.Groups["agency"].Value, date, platform, sequence);
        return true;
    }

    private static string CheckAgency(string agencyCode) =>
        AgencyRegex().IsMatch(agencyCode)
            ? agencyCode
            : throw new RuleViolation(
                "Mã định danh cơ quan chỉ gồm chữ in hoa, chữ số và dấu chấm giữa các nhóm.", nameof(agencyCode));

    private string FormatSequence(int sequence)
    {
        string text = sequence.ToString("D" + MinSequenceDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (sequence < 1 || (MaxSequenceDigits is { } max && text.Length > max))
        {
            throw new RuleViolation(
                $"Số thứ tự hồ sơ trong ngày phải từ 1 đến {new string('9', MaxSequenceDigits ?? 9)}.", nameof(sequence));
        }

        return text;
    }

    [GeneratedRegex(@"^(?<agency>[A-Z0-9]+(\.[A-Z0-9]+)*)-(?<date>\d{6})-(?<seq>\d{4,})$")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^[A-Z0-9]+(\.[A-Z0-9]+)*$")]
    private static partial Regex AgencyRegex();

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex TwoDigits();
}
