using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;

namespace Cchc.Web.Features.Dossiers;

/// <summary>
/// Everything printed on the receipt slip (TT 01/2018 art. 9 Mẫu 01 / TT 03/2025 Mẫu 01, domain-rules A9), in
/// one record so the HTML print page and the PDF/.docx renderers (Features/DossierDocuments) fill the same fields.
/// Times are Vietnam wall-clock times.
/// </summary>
public sealed record ReceiptSlipData(
    string FormNumber,
    string FormName,
    string LegalBasis,
    string UnitName,
    string Code,
    string ApplicantName,
    string? ApplicantPhone,
    string? ApplicantEmail,
    string? ApplicantAddress,
    string ProcedureCode,
    string ProcedureName,
    string ProcessingTimeText,
    DateTime ReceivedAtLocal,
    DateTime? AppointmentAtLocal,
    IReadOnlyList<string> Papers,
    string ReturnPlace,
    int SequenceOfDay,
    string ReceivingOfficer)
{
    public static ReceiptSlipData From(DossierDetail x)
    {
        var d = x.Dossier;
        var form = x.Rules.Form(DossierFormKind.ReceiptSlip);
        var receiving = d.Events.Where(e => e.Action == (int)DossierAction.Receive).Select(e => e.Actor).FirstOrDefault() ?? "";
        return new ReceiptSlipData(
            form.Number, form.Name, x.Rules.LegalBasis, x.Unit.Name, d.Code, d.ApplicantName, d.ApplicantPhone, d.ApplicantEmail, d.ApplicantAddress,
            x.Procedure.Code, x.Procedure.Name, Core.Procedures.ProcedureNames.Of(d.ProcessingTime),
            VietnamTime.ToLocal(d.ReceivedAtUtc ?? d.SubmittedAtUtc),
            d.AppointmentDate is { } day ? day.ToDateTime(new TimeOnly(17, 0)) : null,
            (d.Papers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            d.Channel == SubmissionChannel.Online ? "Trực tuyến trên Cổng dịch vụ công" : "Bộ phận Một cửa – " + x.Unit.Name,
            d.Sequence, receiving);
    }

    /// <summary>The same slip for the PDF and .docx forms (Features/DossierDocuments).</summary>
    public DossierDocuments.ReceiptSlipData ForDocuments(DossierDetail x) => new(
        x.Rules, null, UnitName, Code, ApplicantName, ApplicantPhone, ApplicantAddress, ProcedureName, ProcedureCode,
        [.. Papers.Select(p => new DossierDocuments.ReceivedPaper(p))], ReceivedAtLocal, AppointmentAtLocal ?? ReceivedAtLocal,
        ReturnPlace, ReceivingOfficer,
        ProcessingWorkingDays: x.Dossier.ProcessingUnit == ProcessingTimeUnit.WorkingDays ? x.Dossier.ProcessingAmount : null,
        ApplicantEmail: ApplicantEmail);
}

/// <summary>The apology letter of a late dossier, once it is drafted (NĐ 61 art. 19.9), for the PDF and .docx forms.</summary>
public static class ApologyLetter
{
    public static DossierDocuments.ApologyLetterData? From(DossierDetail x)
    {
        var d = x.Dossier;
        if (d.ApologyCreatedAtUtc is not { } drafted || d.ApologyNewDate is not { } newDate || d.DueDate is not { } due) return null;
        var closes = new TimeOnly(17, 0);
        // The head of the competent body signs it; the name is written on paper.
        return new(x.Rules, null, x.Unit.Name, d.Code, d.ApplicantName, x.Procedure.Name,
            (d.OriginalDueDate ?? due).ToDateTime(closes), d.ApologyReason ?? "", newDate.ToDateTime(closes),
            "", "THỦ TRƯỞNG CƠ QUAN", DateOnly.FromDateTime(VietnamTime.ToLocal(drafted)));
    }
}
