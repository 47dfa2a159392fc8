using System.Globalization;
using Cchc.Core.Dossiers;
using Cchc.Web.Shared.Office;
using Cchc.Web.Shared.Pdf;

namespace Cchc.Web.Features.DossierDocuments;

/// <summary>A paper handed in with the dossier (TT 01/2018 Mẫu 01: name, originals, copies).</summary>
public sealed record ReceivedPaper(string Name, int Originals = 0, int Copies = 0);

/// <summary>
/// What the receipt slip shows. Times are Việt Nam local times (the caller converts from UTC with VnTime).
/// <paramref name="Rules"/> is the rule set in force on the receipt date (DossierRuleBook.InForceAt), which
/// decides the form's number and name.
/// </summary>
public sealed record ReceiptSlipData(
    DossierRuleSet Rules,
    string? ParentUnitName,
    string UnitName,
    string DossierCode,
    string ApplicantName,
    string? ApplicantPhone,
    string? ApplicantAddress,
    string ProcedureName,
    string? ProcedureCode,
    IReadOnlyList<ReceivedPaper> Papers,
    DateTime ReceivedAtLocal,
    DateTime AppointmentLocal,
    string ResultDelivery,
    string OfficerName,
    int? ProcessingWorkingDays = null,
    string? Place = null,
    string? ApplicantEmail = null);

/// <summary>
/// What the apology letter shows (NĐ 61 art. 19.9; NĐ 118/2025): the late dossier, the reason and the new
/// return time. <paramref name="Rules"/> is the rule set of the dossier's receipt date.
/// </summary>
public sealed record ApologyLetterData(
    DossierRuleSet Rules,
    string? ParentUnitName,
    string UnitName,
    string DossierCode,
    string ApplicantName,
    string ProcedureName,
    DateTime OriginalAppointmentLocal,
    string Reason,
    DateTime NewAppointmentLocal,
    string SignerName,
    string SignerTitle,
    DateOnly IssuedOn,
    string? Place = null,
    string? Number = null);

/// <summary>A written form: the bytes, a file name and its content type.</summary>
public sealed record DossierFile(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The one-stop desk's forms for a dossier, as PDF and .docx: Mẫu 01 (receipt and appointment) and Mẫu 04
/// (apology) of TT 01/2018/TT-VPCP for dossiers under NĐ 61/2018, of TT 03/2025/TT-VPCP Phụ lục I for
/// dossiers under NĐ 118/2025. The form's number and name come from the rule set (Cchc.Core.Dossiers.VietnamDossierRules).
/// The wording follows the well-known layout of the forms; the appendices were not retrieved (docs/documents.md).
/// </summary>
public static class DossierForms
{
    public const string PdfContentType = "application/pdf";

    /// <param name="watermark">Printed across each page, e.g. "MẪU" for a sample.</param>
    public static DossierFile ReceiptSlipPdf(ReceiptSlipData data, string? watermark = null) =>
        new(ReceiptSlip(data).ToPdf(watermark), FileName("giay-tiep-nhan", data.DossierCode, "pdf"), PdfContentType);

    public static DossierFile ReceiptSlipDocx(ReceiptSlipData data) =>
        new(ReceiptSlip(data).ToDocx(), FileName("giay-tiep-nhan", data.DossierCode, "docx"), DocxBuilder.ContentType);

    public static DossierFile ApologyLetterPdf(ApologyLetterData data, string? watermark = null) =>
        new(ApologyLetter(data).ToPdf(watermark), FileName("xin-loi", data.DossierCode, "pdf"), PdfContentType);

    public static DossierFile ApologyLetterDocx(ApologyLetterData data) =>
        new(ApologyLetter(data).ToDocx(), FileName("xin-loi", data.DossierCode, "docx"), DocxBuilder.ContentType);

    /// <summary>The circular that sets the forms of a rule set, for the "Mẫu 01 …" line.</summary>
    public static string FormCircular(DossierRuleSet rules) =>
        rules.EffectiveFrom >= VietnamDossierRules.Decree118.EffectiveFrom ? "Thông tư số 03/2025/TT-VPCP" : "Thông tư số 01/2018/TT-VPCP";

    public static string Date(DateTime local) => local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Hà Nội, ngày 05 tháng 3 năm 2025" (Decree 30/2020 app. I: day below 10 and month below 3 written with a leading 0).</summary>
    public static string PlaceAndDate(string? place, DateOnly day) =>
        $"{(string.IsNullOrWhiteSpace(place) ? "......" : place)}, ngày {day.Day:00} tháng {(day.Month < 3 ? day.Month.ToString("00", CultureInfo.InvariantCulture) : day.Month.ToString(CultureInfo.InvariantCulture))} năm {day.Year}";

    internal static FormLayout ReceiptSlip(ReceiptSlipData d)
    {
        var form = d.Rules.Form(DossierFormKind.ReceiptSlip);
        var layout = new FormLayout(form.Name);
        layout.Add(new FormLayout.Para([new PdfRun($"{form.Number} ({FormCircular(d.Rules)})", Italic: true, Size: 11)], PdfAlign.Right));
        layout.Add(new FormLayout.Letterhead(d.ParentUnitName, d.UnitName, null, PlaceAndDate(d.Place, DateOnly.FromDateTime(d.ReceivedAtLocal))));
        layout.Centered(new PdfRun(FormLayout.Upper(form.Name), Bold: true));
        layout.Centered(new PdfRun("Mã hồ sơ: ", Bold: true), new PdfRun(d.DossierCode, Bold: true));
        layout.Add(new FormLayout.Gap(6));
        layout.Line(new PdfRun(d.UnitName), new PdfRun(" tiếp nhận hồ sơ của: "), new PdfRun(d.ApplicantName, Bold: true));
        layout.Line(new PdfRun("Địa chỉ: " + Or(d.ApplicantAddress)));
        layout.Line(new PdfRun("Số điện thoại: " + Or(d.ApplicantPhone) + (d.ApplicantEmail is { Length: > 0 } mail ? "    Thư điện tử: " + mail : "")));
        layout.Line(new PdfRun("Nội dung yêu cầu giải quyết: "), new PdfRun(d.ProcedureName, Bold: true),
            new PdfRun(d.ProcedureCode is { Length: > 0 } code ? $" (mã thủ tục: {code})" : ""));
        layout.Line(new PdfRun("1. Thành phần hồ sơ nộp gồm:"));
        layout.Add(new FormLayout.Grid(
            [new("STT", 0.08, PdfAlign.Center), new("Tên giấy tờ", 0.62), new("Bản chính", 0.15, PdfAlign.Center), new("Bản sao", 0.15, PdfAlign.Center)],
            [.. d.Papers.Select((p, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), p.Name, Count(p.Originals), Count(p.Copies)])]));
        var n = 2;
        if (d.ProcessingWorkingDays is { } days)
            layout.Line(new PdfRun($"{n++}. Thời gian giải quyết hồ sơ theo quy định: {days:00} ngày làm việc."));
        layout.Line(new PdfRun($"{n++}. Thời gian nhận hồ sơ: "), new PdfRun($"{Time(d.ReceivedAtLocal)}, ngày {Date(d.ReceivedAtLocal)}", Bold: true), new PdfRun("."));
        layout.Line(new PdfRun($"{n++}. Thời gian trả kết quả giải quyết hồ sơ: "), new PdfRun($"{Time(d.AppointmentLocal)}, ngày {Date(d.AppointmentLocal)}", Bold: true), new PdfRun("."));
        layout.Line(new PdfRun($"{n}. Đăng ký nhận kết quả tại: {d.ResultDelivery}."));
        layout.Add(new FormLayout.Gap(8));
        layout.Add(new FormLayout.Signatures(
            [PdfParagraph.Of("NGƯỜI NỘP HỒ SƠ", bold: true), PdfParagraph.Of("(Ký và ghi rõ họ tên)", italic: true), Blank(), PdfParagraph.Of(d.ApplicantName, bold: true)],
            [PdfParagraph.Of("NGƯỜI TIẾP NHẬN HỒ SƠ", bold: true), PdfParagraph.Of("(Ký và ghi rõ họ tên)", italic: true), Blank(), PdfParagraph.Of(d.OfficerName, bold: true)]));
        return layout;
    }

    internal static FormLayout ApologyLetter(ApologyLetterData d)
    {
        var form = d.Rules.Form(DossierFormKind.Apology);
        // TT 03/2025 replaced the "hẹn lại ngày trả kết quả" slip by a letter asking to extend the processing time.
        var extension = d.Rules.EffectiveFrom >= VietnamDossierRules.Decree118.EffectiveFrom;
        var layout = new FormLayout(form.Name);
        layout.Add(new FormLayout.Para([new PdfRun($"{form.Number} ({FormCircular(d.Rules)})", Italic: true, Size: 11)], PdfAlign.Right));
        layout.Add(new FormLayout.Letterhead(d.ParentUnitName, d.UnitName, "Số: " + (d.Number ?? "........"), PlaceAndDate(d.Place, d.IssuedOn)));
        layout.Centered(new PdfRun(FormLayout.Upper(form.Name), Bold: true));
        layout.Add(new FormLayout.Gap(4));
        layout.Centered(new PdfRun("Kính gửi: "), new PdfRun("Ông/Bà " + d.ApplicantName, Bold: true));
        layout.Add(new FormLayout.Gap(4));
        layout.Line(new PdfRun($"{d.UnitName} đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính "),
            new PdfRun(d.ProcedureName, Bold: true), new PdfRun(", mã hồ sơ "), new PdfRun(d.DossierCode, Bold: true),
            new PdfRun($", hẹn trả kết quả lúc {Time(d.OriginalAppointmentLocal)}, ngày {Date(d.OriginalAppointmentLocal)}."));
        layout.Line(new PdfRun("Tuy nhiên, đến nay hồ sơ của Ông/Bà chưa được giải quyết xong đúng hạn. Lý do: " + d.Reason.TrimEnd('.') + "."));
        layout.Line(extension
            ? new PdfRun($"{d.UnitName} thành thật xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian giải quyết hồ sơ đến ")
            : new PdfRun($"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {d.UnitName} thành thật xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả vào "),
            new PdfRun($"{Time(d.NewAppointmentLocal)}, ngày {Date(d.NewAppointmentLocal)}", Bold: true), new PdfRun("."));
        layout.Line(new PdfRun("Kính mong nhận được sự thông cảm của Ông/Bà."));
        layout.Add(new FormLayout.Gap(8));
        layout.Add(new FormLayout.Signatures(
            [new PdfParagraph([new PdfRun("Nơi nhận:", Bold: true, Italic: true, Size: 12)], PdfAlign.Left, SpaceAfter: 0),
             new PdfParagraph([new PdfRun("- Như trên;", Size: 11)], PdfAlign.Left, SpaceAfter: 0),
             new PdfParagraph([new PdfRun("- Bộ phận Một cửa;", Size: 11)], PdfAlign.Left, SpaceAfter: 0),
             new PdfParagraph([new PdfRun("- Lưu: VT.", Size: 11)], PdfAlign.Left, SpaceAfter: 0)],
            [PdfParagraph.Of(FormLayout.Upper(d.SignerTitle), bold: true), PdfParagraph.Of("(Ký, ghi rõ họ tên và đóng dấu)", italic: true), Blank(), PdfParagraph.Of(d.SignerName, bold: true)]));
        return layout;
    }

    private static PdfParagraph Blank() => new([new PdfRun("\n\n")], PdfAlign.Center, SpaceAfter: 0);

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? "...................." : text;

    private static string Count(int n) => n > 0 ? n.ToString("00", CultureInfo.InvariantCulture) : "";

    private static string FileName(string kind, string code, string extension) =>
        $"{kind}-{string.Concat(code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'))}.{extension}";
}
