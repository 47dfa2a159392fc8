using System.Reflection;
using System.Text;
using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;
using Cchc.Web.Features.Calendar;
using Cchc.Web.Features.Demo;

namespace Cchc.Web.Tests.Demo;

/// <summary>
/// A demo source without a database (the demo units with invented ids, the demo catalogue, the shipped calendar),
/// and the rule checks every generated dossier must pass, re-evaluated with <see cref="DossierClock"/>.
/// </summary>
internal static class GeneratedDossierChecks
{
    public static readonly DateOnly Reform = DemoData.Reform;

    /// <summary>The demo desks as DemoData creates them: offices always, district offices until 30/06/2025, communes from 01/07/2025.</summary>
    public static IReadOnlyList<DemoDesk> Desks { get; } =
    [
        Desk(1, "DEMO-VP", "Văn phòng Sở"),
        Desk(2, "DEMO-TCCB", "Phòng Tổ chức cán bộ"),
        Desk(3, "DEMO-KHTC", "Phòng Kế hoạch – Tài chính"),
        Desk(4, "DEMO-GDMN-TH", "Phòng Giáo dục Mầm non – Giáo dục Tiểu học"),
        Desk(5, "DEMO-GDTRH", "Phòng Giáo dục Trung học"),
        Desk(6, "DEMO-KTKD", "Phòng Quản lý chất lượng (Khảo thí và Kiểm định)"),
        Desk(7, "DEMO-PGD-DS", "Phòng Giáo dục và Đào tạo huyện Đông Sơn (demo)", to: Reform),
        Desk(8, "DEMO-PGD-TH", "Phòng Giáo dục và Đào tạo huyện Tây Hòa (demo)", to: Reform),
        Desk(9, "DEMO-VHXH-DS", "Phòng Văn hóa – Xã hội xã Đông Sơn", from: Reform),
        Desk(10, "DEMO-VHXH-DH", "Phòng Văn hóa – Xã hội xã Đông Hà", from: Reform),
        Desk(11, "DEMO-VHXH-TH", "Phòng Văn hóa – Xã hội xã Tây Hòa", from: Reform),
        Desk(12, "DEMO-VHXH-TP", "Phòng Văn hóa – Xã hội xã Tây Phú", from: Reform),
    ];

    public static WorkingCalendar WorkCalendar { get; } = new(VietnamHolidayRules.Default, CalendarSeed.Known, 2013, 2036);

    public static DossierClock Clock { get; } = new(WorkCalendar);

    private static DemoDesk Desk(int id, string code, string name, DateOnly? from = null, DateOnly? to = null) =>
        new(id, code, name, code.Replace("-", ""), from ?? DemoData.Founded, to);

    /// <summary>The demo catalogue with ids 101, 102, … (in code order), as if stored.</summary>
    public static IReadOnlyList<Procedure> Procedures()
    {
        var list = DemoProcedures.Build(Desks.ToDictionary(d => d.Code, d => d.Id)).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var id = typeof(Procedure).GetProperty(nameof(Procedure.Id))!;
        for (int i = 0; i < list.Count; i++) id.SetValue(list[i], 101 + i);
        return list;
    }

    public static DossierYearSource Source(IReadOnlyDictionary<(int, DateOnly), int>? last = null) =>
        new(WorkCalendar, Procedures(), Desks, last ?? new Dictionary<(int, DateOnly), int>());

    /// <summary>Vietnam wall-clock time as UTC.</summary>
    public static DateTime Vn(int y, int m, int d, int h, int min = 0) => VietnamTime.ToUtc(new DateTime(y, m, d, h, min, 0));

    private static readonly Dictionary<(DossierStatus, int, DossierStatus), bool> Allowed =
        DossierWorkflow.Transitions.ToDictionary(t => (t.From, (int)t.Action, t.To), _ => true);

    /// <summary>Every rule a generated dossier must satisfy; the list of what it breaks (empty when none).</summary>
    public static List<string> Problems(Dossier d, DossierClock clock, WorkingCalendar calendar, IReadOnlyDictionary<int, DemoDesk> desks, DateTime asOfUtc)
    {
        var p = new List<string>();
        void Check(bool ok, string what) { if (!ok) p.Add($"{d.Code}: {what}"); }
        bool Office(DateTime utc) => calendar.IsWorkingDay(VietnamTime.LocalDate(utc))
            && VietnamTime.ToLocal(utc).TimeOfDay >= new TimeSpan(7, 30, 0) && VietnamTime.ToLocal(utc).TimeOfDay < new TimeSpan(17, 0, 0);

        Check(d.IsDemo, "not marked demo");
        Check(d.ApplicantName.EndsWith("(demo)", StringComparison.Ordinal), "applicant not clearly demo");
        var desk = desks[d.ReceivingUnitId];
        var deskDay = VietnamTime.LocalDate(d.ReceivedAtUtc ?? d.SubmittedAtUtc);
        Check(desk.ExistsOn(deskDay), $"received at {desk.Code}, which does not exist on {deskDay}");

        // Code: the format of the rule set in force at submission, this unit's agency part, the code date (domain-rules A10).
        var rules = clock.RulesAt(d.SubmittedAtUtc);
        Check(d.RuleSet == rules.Name, "rule set");
        Check(DossierCodeFormat.TryParse(d.Code, false, out var code) && code!.AgencyCode == desk.AgencyCode
            && code.ReceivedOn == d.CodeDate && code.Sequence == d.Sequence, "code does not parse to its unit, date and sequence");
        Check(d.CodeDate == VietnamTime.LocalDate(d.SubmittedAtUtc), "code date is not the submission date");
        Check(d.Code == rules.CodeFormat.Format(desk.AgencyCode, d.CodeDate, d.Sequence), "code not in the rule set's format");

        // Timeline: chronological, nothing in the future, each status change a workflow transition.
        Check(d.Events.Count > 0, "no timeline");
        DossierStatus? status = null;
        DateTime previous = d.SubmittedAtUtc;
        // In insertion order (ids; a query returns the children in no particular order).
        foreach (var e in d.Events.OrderBy(e => e.Id))
        {
            Check(e.AtUtc >= previous, $"event {e.Action} at {e.AtUtc:o} before the previous one");
            Check(e.AtUtc <= asOfUtc, $"event {e.Action} in the future");
            previous = e.AtUtc;
            if (e.Action == (int)DossierEventKind.Submit) { Check(status is null && e.ToStatus == DossierStatus.Submitted, "submit"); status = DossierStatus.Submitted; continue; }
            if (e.Action >= 100) { Check(e.FromStatus == status && e.ToStatus == status, $"entry {e.Action} changes the status"); continue; }
            var from = status ?? DossierStatus.Submitted;
            Check(e.FromStatus == from && e.ToStatus is { } to && Allowed.ContainsKey((from, e.Action, to)),
                $"{from} —{(DossierAction)e.Action}→ {e.ToStatus} is not a workflow step");
            status = e.ToStatus;
            if (e.Source == DossierEventSource.Desk) Check(calendar.IsWorkingDay(VietnamTime.LocalDate(e.AtUtc)), $"{(DossierAction)e.Action} on a day off");
        }
        Check(status == d.Status, $"status {d.Status} is not where the timeline ends ({status})");

        // Receipt in office hours on a working day; desk and post only then (the portal takes submissions any time).
        if (d.Channel != SubmissionChannel.Online) Check(Office(d.SubmittedAtUtc), "desk or post submission outside office hours");
        if (d.ReceivedAtUtc is { } received)
        {
            Check(Office(received), "received outside office hours");
            Check(d.OriginalDueDate == clock.Due(received, d.ProcessingTime).Date, "original due date is not the clock's");
        }
        else
        {
            Check(d.Status is DossierStatus.Submitted or DossierStatus.Refused && d.Channel == SubmissionChannel.Online, "not received but not an online submission");
        }

        // Supplements: numbered, the legal due date restarted from the last resubmission (NĐ 61 art. 19.4).
        Check(d.SupplementCount == d.Supplements.Count, "supplement count");
        var supplements = d.Supplements.OrderBy(s => s.Number).ToList();
        for (int i = 0; i < supplements.Count; i++)
        {
            var s = supplements[i];
            Check(s.Number == i + 1, "supplement numbering");
            Check(s.CompletedAtUtc is null ? i == supplements.Count - 1 : s.CompletedAtUtc >= s.RequestedAtUtc, "supplement times");
        }
        if (d.ReceivedAtUtc is { } receipt)
        {
            bool waiting = supplements.Count > 0 && supplements[^1].CompletedAtUtc is null;
            var due = clock.Due(supplements.LastOrDefault(s => s.CompletedAtUtc is not null)?.CompletedAtUtc ?? receipt, d.ProcessingTime);
            Check(d.DueDate == (waiting ? null : due.Date), $"due date {d.DueDate} is not the clock's {due.Date}");
            // PostgreSQL keeps microseconds: 23:59:59.9999999 reads back one tick earlier.
            if (d.DueDate is not null) Check(d.DueAtUtc is { } at && Math.Abs((at - due.AtUtc).Ticks) < 10, "due instant");

            // Apology: one new date, after the due date, on a working day; in time as the clock says (NĐ 61 art. 19.9).
            if (d.ApologyCreatedAtUtc is { } drafted)
            {
                Check(d.ApologyNewDate > due.Date && calendar.IsWorkingDay(d.ApologyNewDate!.Value), "apology date");
                Check(d.ApologyInTime == clock.ApologyInTime(due, drafted), "apology in-time flag");
                Check(d.ApologySentAtUtc is null || d.ApologySentAtUtc >= drafted, "apology sent before drafted");
                Check(d.FinishedAtUtc is null || drafted < d.FinishedAtUtc, "apology after the end");
            }
        }

        // Steps: within the time limit, each unit existing when it took the dossier.
        Check(d.Steps.Sum(s => s.WorkingDays) <= d.ProcessingAmount, "steps exceed the limit");
        var steps = d.Steps.OrderBy(s => s.Number).ToList();
        for (int i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            Check(s.Number == i + 1 && (i == 0 || s.UnitId != steps[i - 1].UnitId), "step numbering");
            Check(desks[s.UnitId].ExistsOn(VietnamTime.LocalDate(s.StartedAtUtc)), $"step at {desks[s.UnitId].Code} before it exists or after it closed");
        }
        Check(d.InterAgency == (d.Steps.Select(s => s.UnitId).Append(d.ReceivingUnitId).Distinct().Count() > 1), "inter-agency flag");
        Check(!d.TransferredElectronically || d.InterAgency, "electronic transfer without a hand-off");
        Check(!d.PaidOnline || d.FeeAmount > 0, "paid online without a fee");
        Check((d.Status is DossierStatus.Resolved or DossierStatus.Delivered) == (d.ResolvedAtUtc is not null), "resolved time");
        Check((d.Status == DossierStatus.Delivered) == (d.DeliveredAtUtc is not null && d.ReturnMethod is not null), "delivery");
        return p;
    }

    /// <summary>Everything a dossier holds, as text (its public properties and its children's), to compare two runs.</summary>
    public static string Describe(Dossier d)
    {
        var text = new StringBuilder();
        Append(text, d);
        foreach (var s in d.Supplements) Append(text, s);
        foreach (var s in d.Steps) Append(text, s);
        foreach (var e in d.Events) Append(text, e);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object o)
    {
        foreach (var property in o.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0 || typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string)) continue;
            text.Append(property.Name).Append('=').Append(property.GetValue(o)).Append(';');
        }
        text.AppendLine();
    }
}
