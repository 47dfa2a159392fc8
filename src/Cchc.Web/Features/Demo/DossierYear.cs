using Cchc.Core.Calendar;
using Cchc.Core.Dossiers;
using Cchc.Core.Procedures;

namespace Cchc.Web.Features.Demo;

/// <summary>A unit as the generator needs it: who it is, its code's agency part, and when it exists.</summary>
public sealed record DemoDesk(int Id, string Code, string Name, string AgencyCode, DateOnly ValidFrom, DateOnly? ValidTo)
{
    public bool ExistsOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}

/// <summary>
/// What to generate: submissions from <see cref="From"/> to <see cref="To"/> (Vietnam dates), about
/// <see cref="Count"/> dossiers, nothing after <see cref="AsOfUtc"/>; the same <see cref="Seed"/> gives the same dossiers.
/// </summary>
public sealed record DossierYearSettings(DateOnly From, DateOnly To, int Count, int Seed, DateTime AsOfUtc);

/// <summary>
/// What the generator reads: the working calendar, the demo catalogue, the demo units, and the last sequence of
/// the day already used per (receiving unit, code date), so that new codes continue after existing dossiers.
/// </summary>
public sealed record DossierYearSource(
    WorkingCalendar Calendar,
    IReadOnlyList<Procedure> Procedures,
    IReadOnlyList<DemoDesk> Units,
    IReadOnlyDictionary<(int UnitId, DateOnly Day), int> LastSequences);

/// <summary>
/// A realistic demo year of one-stop dossiers (issue 5), built only through the domain methods of
/// <see cref="Dossier"/> with a <see cref="DossierClock"/>, so that every status, due date, supplement, step and
/// timeline entry is one the rules allow. No I/O: the web side loads the <see cref="DossierYearSource"/> and
/// bulk-inserts what <see cref="Generate"/> yields (docs/dossiers.md, "Generated demo year").
/// <para>
/// Realism: the desk owning the procedure receives it (commune procedures at the district Phòng GDĐT of the
/// area before 01/07/2025 and at the commune's Phòng Văn hóa – Xã hội from then; a district dossier still being
/// processed at the reorganisation is handed to the commune); receipts in office hours on working days, online
/// submissions also in the evening and at weekends; seasons (exams May–August, school transfers
/// August–September, fewer around Tết); online share rising through the period; supplements, refusals, stops,
/// withdrawals, late dossiers with apology letters and one rescheduling, liên thông hand-offs, online payment,
/// digitised and electronic results, postal return; the last weeks' dossiers still open.
/// </para>
/// Deterministic: each day draws from its own random stream derived from the seed and the date.
/// </summary>
public sealed class DossierYear
{
    private const int Open = 7 * 60 + 30;
    private const int Close = 17 * 60;
    private const int TransferCutOff = 15 * 60;

    // Shares (docs/dossiers.md lists them with the checks that hold them).
    private const double PostShare = 0.08;
    private const double RefusedOnline = 0.03;
    private const double SupplementShare = 0.08;
    private const double SecondSupplement = 0.12;
    private const double NeverResubmitted = 0.06;
    private const double StopShare = 0.01;
    private const double WithdrawShare = 0.003;
    private const double OnTimeShare = 0.14;
    private const double DayOffOnlineWeight = 0.07;
    private const double NotCollected = 0.012;

    private static readonly DateOnly Reform = DemoData.Reform;

    private readonly DossierYearSource _source;
    private readonly DossierYearSettings _settings;
    private readonly WorkingCalendar _calendar;
    private readonly DossierClock _clock;
    private readonly Dictionary<int, DemoDesk> _unitsById;
    private readonly Dictionary<string, DemoDesk> _unitsByCode;
    private readonly Dictionary<int, (DossierActor Officer, DossierActor Specialist)> _actors = [];
    private readonly List<Slot> _slots = [];
    private readonly HashSet<DateOnly> _aroundTet = [];

    public DossierYear(DossierYearSource source, DossierYearSettings settings)
    {
        if (settings.To < settings.From) throw new ArgumentException("The period ends before it starts.", nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Count);
        _source = source;
        _settings = settings;
        _calendar = source.Calendar;
        _clock = new DossierClock(source.Calendar);
        _unitsById = source.Units.ToDictionary(u => u.Id);
        _unitsByCode = source.Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        foreach (var u in source.Units)
            _actors[u.Id] = (new DossierActor($"Cán bộ một cửa – {u.Name} (demo)", null, DossierEventSource.Desk),
                new DossierActor($"Chuyên viên – {u.Name} (demo)", null, DossierEventSource.Desk));
        BuildSlots();
        for (int year = settings.From.Year - 1; year <= settings.To.Year + 1; year++)
        {
            if (year < VietnameseLunarCalendar.MinSolarDate.Year || year > VietnameseLunarCalendar.MaxSolarDate.Year) continue;
            var tet = VietnameseLunarCalendar.NewYear(year);
            for (int d = -10; d <= 8; d++) _aroundTet.Add(tet.AddDays(d));
        }
    }

    /// <summary>Dossiers yielded so far.</summary>
    public int Generated { get; private set; }

    /// <summary>
    /// Submissions left out because a unit's day was full: NĐ 61's code has exactly four digits, so a unit numbers
    /// at most 9 999 dossiers a day before 01/07/2025 (only a benchmark-sized count over a short period gets there).
    /// </summary>
    public int Unnumbered { get; private set; }

    /// <summary>The dossiers, day by day in submission order, each built lazily (memory stays bounded).</summary>
    public IEnumerable<Dossier> Generate()
    {
        var days = new List<DateOnly>();
        for (var day = _settings.From; day <= _settings.To; day = day.AddDays(1)) days.Add(day);
        var weights = new double[days.Count, _slots.Count];
        double total = 0;
        for (int d = 0; d < days.Count; d++)
            for (int s = 0; s < _slots.Count; s++)
                total += weights[d, s] = Weight(days[d], _slots[s]);
        if (total <= 0 || _settings.Count == 0) yield break;

        // Systematic sampling: each (day, slot) gets its share of the count, the rounding carried along, so the
        // counts add up to exactly Count and follow the weights however small the count.
        double offset = new DemoRandom((ulong)(uint)_settings.Seed * 0x9E3779B97F4A7C15UL).NextDouble();
        double cumulative = 0;
        long previous = (long)Math.Floor(offset);
        for (int d = 0; d < days.Count; d++)
        {
            var day = days[d];
            var random = new DemoRandom(((ulong)(uint)_settings.Seed << 32) ^ (ulong)day.DayNumber * 0xD1B54A32D192ED03UL);
            var intakes = new List<Intake>();
            for (int s = 0; s < _slots.Count; s++)
            {
                cumulative += weights[d, s];
                long upTo = (long)Math.Floor(_settings.Count * Math.Min(1, cumulative / total) + offset);
                for (long k = previous; k < upTo; k++)
                    if (NewIntake(day, _slots[s], random) is { } intake) intakes.Add(intake);
                previous = upTo;
            }
            Number(intakes);
            foreach (var intake in intakes.OrderBy(i => i.SubmittedAt))
            {
                var dossier = Build(intake, random);
                Generated++;
                yield return dossier;
            }
        }
    }

    // ── volumes ────────────────────────────────────────────────────────────────────────────────────────

    private double Weight(DateOnly day, Slot slot)
    {
        if (!slot.Procedure.InForceOn(day)) return 0;
        double w = slot.Profile.Weight * slot.AreaWeight * Seasons[(int)slot.Profile.Season][day.Month - 1];
        if (_calendar.IsWorkingDay(day))
        {
            w *= day.DayOfWeek switch
            {
                DayOfWeek.Monday => 1.25,
                DayOfWeek.Tuesday => 1.1,
                DayOfWeek.Friday => 0.9,
                DayOfWeek.Saturday or DayOfWeek.Sunday => 0.5, // a make-up working day is a quiet one
                _ => 1.0,
            };
            if (_aroundTet.Contains(day)) w *= 0.45;
        }
        else
        {
            // Only the portal is open on a day off.
            w *= slot.Online && !slot.Procedure.Internal ? DayOffOnlineWeight * (_aroundTet.Contains(day) ? 0.3 : 1) : 0;
        }
        // No desk for the slot on that day (a unit not yet created or closed): nothing is submitted there.
        return DeskOn(slot, day) is null ? 0 : w;
    }

    private DemoDesk? DeskOn(Slot slot, DateOnly day)
    {
        if (slot.Area is { } area)
            return area.District.ExistsOn(day) ? area.District : area.Commune.ExistsOn(day) ? area.Commune : null;
        return slot.Owner.ExistsOn(day) ? slot.Owner : null;
    }

    private double Progress(DateOnly day)
    {
        int span = _settings.To.DayNumber - _settings.From.DayNumber;
        return span <= 0 ? 0.5 : (day.DayNumber - _settings.From.DayNumber) / (double)span;
    }

    private static double Between((double From, double To) band, double progress) => band.From + (band.To - band.From) * progress;

    // ── intake ─────────────────────────────────────────────────────────────────────────────────────────

    private Intake? NewIntake(DateOnly day, Slot slot, DemoRandom random)
    {
        var procedure = slot.Procedure;
        bool working = _calendar.IsWorkingDay(day);
        SubmissionChannel channel;
        int minute;
        if (!working)
        {
            channel = SubmissionChannel.Online;
            minute = random.Next(7 * 60, 22 * 60);
        }
        else
        {
            double online = slot.Online ? Between(OnlineBand(slot.Owner.Code, slot.Area), Progress(day)) : 0;
            double u = random.NextDouble();
            channel = u < online ? SubmissionChannel.Online
                : u < online + PostShare && procedure.PostalReceipt && !procedure.Internal ? SubmissionChannel.Post
                : SubmissionChannel.Desk;
            minute = channel == SubmissionChannel.Online && random.Chance(0.35)
                ? (random.Chance(0.2) ? random.Next(6 * 60, Open) : random.Next(Close, 23 * 60 + 30))
                : random.Chance(0.2) ? random.Next(TransferCutOff, Close) : random.Next(Open, TransferCutOff);
        }
        var submitted = At(day, minute);
        if (submitted > _settings.AsOfUtc) return null;
        var received = submitted;
        if (channel == SubmissionChannel.Online)
        {
            // QĐ 3142 art. 11: accepted or refused within the working day; outside working time, at the next one.
            received = working && minute >= Open && minute < Close - 30
                ? Soon(submitted, random, 10, 150)
                : At(working && minute < Open ? day : _calendar.NextWorkingDay(day), Open + random.Next(0, 150));
        }
        // The desk of the day it is received: an online submission of 30/06/2025 evening goes to the commune.
        var desk = DeskOn(slot, VietnamTime.LocalDate(received));
        if (desk is null) return null;
        return new Intake(slot, desk, channel, submitted, received, slot.Area?.Info ?? Areas[random.Next(0, Areas.Length)]);
    }

    /// <summary>Sequences of the day per receiving unit in submission order, after any dossier already numbered.</summary>
    private void Number(List<Intake> intakes)
    {
        intakes.Sort((a, b) => a.Desk.Id != b.Desk.Id ? a.Desk.Id.CompareTo(b.Desk.Id) : a.SubmittedAt.CompareTo(b.SubmittedAt));
        var next = new Dictionary<(int, DateOnly), int>();
        for (int i = 0; i < intakes.Count; i++)
        {
            var x = intakes[i];
            var key = (x.Desk.Id, VietnamTime.LocalDate(x.SubmittedAt));
            if (!next.TryGetValue(key, out int seq)) seq = _source.LastSequences.GetValueOrDefault(key) + 1;
            var format = _clock.RulesAt(x.SubmittedAt).CodeFormat;
            if (format.MaxSequenceDigits is { } digits && seq > (int)Math.Pow(10, digits) - 1)
            {
                Unnumbered++;
                intakes.RemoveAt(i--);
                continue;
            }
            x.Sequence = seq;
            next[key] = seq + 1;
        }
    }

    // ── one dossier's life ─────────────────────────────────────────────────────────────────────────────

    private Dossier Build(Intake x, DemoRandom random)
    {
        var procedure = x.Slot.Procedure;
        var desk = x.Desk;
        var (officer, specialist) = _actors[desk.Id];
        var applicant = NewApplicant(x, random);
        var asOf = _settings.AsOfUtc;
        var progress = Progress(VietnamTime.LocalDate(x.SubmittedAt));
        var papers = x.Slot.Profile.Papers;
        bool paidOnline = false;
        bool resupplied = random.Chance(Between((0.22, 0.06), progress));
        bool electronicTransfer = random.Chance(Between((0.72, 0.92), progress));

        Dossier d;
        if (x.Channel == SubmissionChannel.Online)
        {
            var citizen = new DossierActor(applicant.Name, null, DossierEventSource.Online);
            d = Dossier.SubmitOnline(desk.AgencyCode, x.Sequence, procedure, desk.Id, applicant, x.SubmittedAt, papers, citizen, _clock);
            if (x.ReceivedAt <= asOf)
            {
                if (random.Chance(RefusedOnline)) d.Refuse(Pick(random, RefusalReasons), x.ReceivedAt, officer);
                else d.ReceiveSubmitted(x.ReceivedAt, officer, null, _clock);
            }
        }
        else
        {
            d = Dossier.Receive(desk.AgencyCode, x.Sequence, procedure, desk.Id, applicant, x.Channel, x.SubmittedAt, papers, officer, _clock);
        }
        d.MarkDemo();
        if (d.Status == DossierStatus.Received) Process(d, x, random, progress, ref paidOnline);
        d.SetServiceFacts(paidOnline, resupplied, d.InterAgency && electronicTransfer);
        return d;
    }

    private void Process(Dossier d, Intake x, DemoRandom random, double progress, ref bool paidOnline)
    {
        var procedure = x.Slot.Procedure;
        var receiving = x.Desk;
        var successor = x.Slot.Area?.Commune is { } c && c.Id != receiving.Id ? c : null;
        DemoDesk DeskAt(DateTime at) => successor is not null && !receiving.ExistsOn(VietnamTime.LocalDate(at)) ? successor : receiving;
        DossierActor Officer(DateTime at) => _actors[DeskAt(at).Id].Officer;
        DossierActor Specialist(DateTime at) => _actors[DeskAt(at).Id].Specialist;
        var citizen = new DossierActor(d.ApplicantName, null, x.Channel == SubmissionChannel.Online ? DossierEventSource.Online : DossierEventSource.Desk);
        var asOf = _settings.AsOfUtc;

        // NĐ 61 art. 18.2–18.3: to the processing officer the same working day, or the next one after 15:00.
        var last = d.ReceivedAtUtc!.Value;
        var transferDay = _clock.TransferBy(last);
        // A same-day procedure ("trả trong ngày") is handled at once, whatever the hour.
        var start = d.ProcessingAmount == 0 ? last.AddMinutes(random.Next(2, 9))
            : transferDay == VietnamTime.LocalDate(last) ? Soon(last, random, 5, 60) : At(transferDay, Open + random.Next(5, 90));
        if (start > asOf) return;
        d.Act(DossierAction.StartProcessing, start, Officer(start), null, _clock);
        last = start;

        // The applicant withdraws (status 7), the desk confirms (8).
        void Withdraw(int afterWorkingDays, string note)
        {
            var asked = Pick(_calendar.AddWorkingDays(VietnamTime.LocalDate(last), afterWorkingDays), last, random);
            if (asked > asOf) return;
            d.Act(DossierAction.RequestWithdrawal, asked, citizen, note, _clock);
            var confirmed = Soon(asked, random, 30, 600);
            if (confirmed <= asOf) d.Act(DossierAction.ConfirmWithdrawal, confirmed, Officer(confirmed), null, _clock);
        }

        if (random.Chance(WithdrawShare))
        {
            Withdraw(random.Next(1, 4), "Công dân đề nghị rút hồ sơ (dữ liệu mẫu).");
            return;
        }

        // NĐ 61 art. 19.4: a supplement request within 3 working days of (re)receipt (a few later); the clock restarts on resubmission.
        int requests = random.Chance(SupplementShare) ? (random.Chance(SecondSupplement) ? 2 : 1) : 0;
        for (int i = 0; i < requests; i++)
        {
            int within = random.Chance(0.05) ? random.Next(4, 7) : random.Next(0, 4);
            var asked = Pick(Day(VietnamTime.LocalDate(last), within), last, random);
            if (asked > asOf) return;
            d.RequestSupplement(Pick(random, SupplementReasons), asked, Specialist(asked));
            last = asked;
            if (random.Chance(NeverResubmitted))
            {
                // The applicant never comes back; after some weeks they withdraw the dossier.
                Withdraw(random.Next(10, 26), "Không bổ sung được hồ sơ, xin rút hồ sơ (dữ liệu mẫu).");
                return;
            }
            var back = Pick(_calendar.AddWorkingDays(VietnamTime.LocalDate(last), random.Next(1, 11)), last, random);
            if (back > asOf) return;
            d.Resubmit(back, Officer(back), null, _clock);
            last = back;
        }

        if (procedure.FeeAmount is > 0)
        {
            var asked = Soon(last, random, 30, 300);
            if (asked > asOf) return;
            d.Act(DossierAction.RequestPayment, asked, Specialist(asked), $"Phí: {procedure.FeeText ?? procedure.FeeAmount.ToString()}", _clock);
            var paid = Pick(Day(VietnamTime.LocalDate(asked), random.Next(0, 3)), asked, random);
            if (paid > asOf) return;
            paidOnline = procedure.OnlinePayment && random.Chance(x.Channel == SubmissionChannel.Online ? 0.8 : 0.15);
            d.Act(DossierAction.CompletePayment, paid, paidOnline ? citizen : Officer(paid), paidOnline ? "Thanh toán trực tuyến" : null, _clock);
            last = paid;
        }

        var due = d.CurrentDue(_clock);
        var lastDay = VietnamTime.LocalDate(last);
        if (random.Chance(StopShare))
        {
            // NĐ 61 art. 19.8: found not eligible, refused within the time limit.
            int room = Math.Max(0, _calendar.CountWorkingDays(lastDay, due.Date));
            var stopped = Pick(Day(lastDay, random.Next(0, room + 1)), last, random);
            var steps = new List<(DateTime At, Action<DateTime> Do)>();
            stopped = PlanSteps(d, null, receiving, successor, last, stopped, random, steps);
            var reason = Pick(random, StopReasons);
            steps.Add((stopped, at => d.Stop(reason, at, Specialist(at))));
            Apply(steps, asOf);
            return;
        }

        // When it is resolved: early for most, on the due date for some, late for the unit's share.
        int ahead = _calendar.CountWorkingDays(lastDay, due.Date);
        bool late = random.Chance(LateShare(receiving.Code));
        bool onTime = !late && (random.Chance(OnTimeShare) || ahead <= 0);
        DateOnly resolvedOn;
        if (late)
            resolvedOn = Max(Day(lastDay, 0), _calendar.AddWorkingDays(due.Date,
                random.Chance(0.5) ? 1 : random.Chance(0.7) ? random.Next(2, 4) : random.Next(4, 11)));
        else if (onTime)
            resolvedOn = Max(Day(lastDay, 0), due.Date);
        else
            resolvedOn = Day(lastDay, Math.Min(ahead - 1, (int)(ahead * Math.Pow(random.NextDouble(), 1.3))));
        var resolvedAt = Pick(resolvedOn, last, random);

        var plan = new List<(DateTime At, Action<DateTime> Do)>();
        resolvedAt = PlanSteps(d, x.Slot.Profile.Route, receiving, successor, last, resolvedAt, random, plan);

        if (late && !random.Chance(0.10))
        {
            // NĐ 61 art. 19.9: the apology letter with one new date, in time (a working day before the due date) for most.
            var cutOff = _calendar.AddWorkingDays(due.Date, -1);
            DateOnly draftDay = random.Chance(0.72) && cutOff >= lastDay
                ? Day(lastDay, random.Next(0, Math.Max(1, _calendar.CountWorkingDays(lastDay, cutOff) + 1)))
                : Max(Day(lastDay, 0), random.Chance(0.6) || _calendar.NextWorkingDay(due.Date) >= resolvedOn ? due.Date : _calendar.NextWorkingDay(due.Date));
            var drafted = Pick(draftDay, last, random);
            if (drafted >= resolvedAt) drafted = resolvedAt.AddMinutes(-1) < last ? last : resolvedAt.AddMinutes(-1);
            var target = random.Chance(0.12) ? _calendar.AddWorkingDays(resolvedOn, -1) : _calendar.AddWorkingDays(resolvedOn, random.Next(0, 3));
            var newDate = Max(target, _calendar.AddWorkingDays(due.Date, 1));
            var reason = Pick(random, ApologyReasons);
            plan.Add((drafted, at => d.DraftApology(reason, newDate, at, Specialist(at), _clock)));
            if (random.Chance(0.94))
            {
                var sent = Soon(drafted, random, 20, 480);
                plan.Add((sent, at => d.MarkApologySent(at, Officer(at))));
            }
        }

        bool electronic = random.Chance(Math.Min(0.95, Between((0.35, 0.80), progress) + (procedure.OnlineLevel == OnlineLevel.Full ? 0.1 : 0)));
        bool digitised = random.Chance(Between((0.30, 0.85), progress));
        plan.Add((resolvedAt, at => d.Resolve(at, Specialist(at), null, electronic, digitised)));

        if (!random.Chance(NotCollected))
        {
            ReturnMethod method = x.Channel == SubmissionChannel.Online && electronic && random.Chance(0.85) ? ReturnMethod.Online
                : procedure.PostalReturn && random.Chance(x.Channel == SubmissionChannel.Post ? 0.6 : 0.11) ? ReturnMethod.Post
                : ReturnMethod.Desk;
            var delivered = method switch
            {
                ReturnMethod.Online => Soon(resolvedAt, random, 1, 30),
                ReturnMethod.Post => Pick(Day(resolvedOn, random.Next(0, 3)), resolvedAt, random),
                _ => Pick(Day(resolvedOn, random.Chance(0.4) ? 0 : random.Next(1, 6)), resolvedAt, random),
            };
            plan.Add((delivered, at => d.Deliver(method, at, Officer(at), null)));
        }

        Apply(plan, asOf);
    }

    /// <summary>Applies the planned actions in time order up to now: the rest has not happened yet (the open dossiers of the last weeks).</summary>
    private static void Apply(List<(DateTime At, Action<DateTime> Do)> plan, DateTime asOf)
    {
        foreach (var (at, action) in plan.OrderBy(p => p.At))
        {
            if (at > asOf) break;
            action(at);
        }
    }

    /// <summary>
    /// Liên thông steps (TT 01/2018 art. 13 index 2): the procedure's route spread over the processing time; and a
    /// district dossier still being processed on 01/07/2025 is handed to the commune that took over. Returns the
    /// resolution time, moved after the hand-over when that came later.
    /// </summary>
    private DateTime PlanSteps(Dossier d, (string? Unit, int Days)[]? route, DemoDesk receiving, DemoDesk? successor, DateTime from,
        DateTime resolvedAt, DemoRandom random, List<(DateTime, Action<DateTime>)> plan)
    {
        DateOnly? closing = receiving.ValidTo is { } closes && successor is not null && VietnamTime.LocalDate(resolvedAt) >= closes ? closes : null;
        if (route is null && closing is null) return resolvedAt;

        int amount = d.ProcessingAmount;
        var fromDay = VietnamTime.LocalDate(from);
        // A step of "the receiving unit" that starts once it is closed belongs to its successor.
        DemoDesk Own(DateTime at) => closing is { } c && VietnamTime.LocalDate(at) >= c ? successor! : receiving;
        var steps = new List<(DemoDesk Unit, int Days, DateTime At)>();
        // The first step starts with processing (a minute after it when "soon" would fall after the resolution).
        DateTime First() => Soon(from, random, 1, 10) is var soon && soon < resolvedAt ? soon : from.AddMinutes(1);
        if (route is null)
        {
            var at = First();
            steps.Add((Own(at), amount, at));
        }
        else
        {
            int span = Math.Max(0, _calendar.CountWorkingDays(fromDay, VietnamTime.LocalDate(resolvedAt)));
            int total = Math.Max(1, route.Sum(r => r.Days));
            int cumulative = 0;
            var previous = from;
            foreach (var (code, days) in route)
            {
                var at = steps.Count == 0
                    ? First()
                    : Pick(Day(fromDay, (int)Math.Round(span * (double)cumulative / total)), previous, random);
                cumulative += days;
                var unit = code is null ? Own(at) : _unitsByCode.GetValueOrDefault(code);
                if (unit is null || at >= resolvedAt) continue;
                steps.Add((unit, Math.Min(days, amount), at));
                previous = at;
            }
        }

        if (closing is { } closeDay)
        {
            // The step running at the closure is split: the district's days until then, the rest to the commune.
            int active = steps.FindLastIndex(s => VietnamTime.LocalDate(s.At) < closeDay);
            if (active >= 0 && steps[active].Unit.Id == receiving.Id)
            {
                var s = steps[active];
                var handOver = Pick(_calendar.WorkingDayOnOrAfter(closeDay), s.At, random, Open, Open + 90);
                int own = Math.Clamp(_calendar.CountWorkingDays(VietnamTime.LocalDate(s.At), _calendar.AddWorkingDays(closeDay, -1)), 0, s.Days);
                steps[active] = (s.Unit, own, s.At);
                steps.Add((successor!, s.Days - own, handOver));
                steps.Sort((a, b) => a.At.CompareTo(b.At));
                if (resolvedAt <= handOver) resolvedAt = handOver.AddMinutes(random.Next(10, 120));
            }
        }

        // Consecutive steps at one unit are one step; the days never exceed the procedure's limit.
        var merged = new List<(DemoDesk Unit, int Days, DateTime At)>();
        foreach (var s in steps)
        {
            if (merged.Count > 0 && merged[^1].Unit.Id == s.Unit.Id) merged[^1] = (s.Unit, merged[^1].Days + s.Days, merged[^1].At);
            else merged.Add(s);
        }
        int used = 0;
        foreach (var (unit, days, at) in merged)
        {
            int share = Math.Min(days, amount - used);
            used += share;
            string? note = unit.Id == receiving.Id ? null
                : unit.Id == successor?.Id ? "Bàn giao hồ sơ do sắp xếp đơn vị hành chính (01/07/2025)."
                : "Chuyển xin ý kiến, thẩm định liên thông.";
            var by = _actors[Own(at).Id].Specialist;
            plan.Add((at, when => d.HandOff(unit.Id, share, when, by, note)));
        }
        return resolvedAt;
    }

    // ── time helpers (office hours 07:30–17:00, DossierClockOptions.Default) ───────────────────────────

    private static DateTime At(DateOnly day, int minute) => VietnamTime.ToUtc(day, new TimeOnly(minute / 60, minute % 60));

    private static int MinuteOf(DateTime utc)
    {
        var local = VietnamTime.ToLocal(utc);
        return local.Hour * 60 + local.Minute;
    }

    /// <summary>The working day <paramref name="workingDays"/> after <paramref name="day"/> (0: the day itself, or the next working one).</summary>
    private DateOnly Day(DateOnly day, int workingDays) =>
        workingDays <= 0 ? _calendar.WorkingDayOnOrAfter(day) : _calendar.AddWorkingDays(day, workingDays);

    /// <summary>A time in office hours on <paramref name="day"/>, not before <paramref name="notBefore"/> (then a few minutes after it).</summary>
    private DateTime Pick(DateOnly day, DateTime notBefore, DemoRandom random, int from = Open, int to = Close)
    {
        var notBeforeDay = VietnamTime.LocalDate(notBefore);
        if (day > notBeforeDay) return At(day, random.Next(from, to));
        int lo = Math.Max(from, MinuteOf(notBefore) + 2);
        return day == notBeforeDay && lo < to ? At(day, random.Next(lo, to)) : TruncateToMinute(notBefore).AddMinutes(random.Next(2, 15));
    }

    /// <summary>A few minutes to hours after <paramref name="t"/>, inside office hours (else the next working morning).</summary>
    private DateTime Soon(DateTime t, DemoRandom random, int minMinutes, int maxMinutes)
    {
        var candidate = TruncateToMinute(t).AddMinutes(random.Next(minMinutes, maxMinutes + 1));
        var day = VietnamTime.LocalDate(candidate);
        int minute = MinuteOf(candidate);
        if (day == VietnamTime.LocalDate(t) && _calendar.IsWorkingDay(day) && minute >= Open && minute < Close) return candidate;
        var next = _calendar.IsWorkingDay(day) && minute < Open ? day : _calendar.NextWorkingDay(day);
        return At(next, Open + random.Next(0, 60));
    }

    private static DateTime TruncateToMinute(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string Pick(DemoRandom random, string[] items) => items[random.Next(0, items.Length)];

    // ── applicants ─────────────────────────────────────────────────────────────────────────────────────

    private static Applicant NewApplicant(Intake x, DemoRandom random)
    {
        string name;
        if (x.Slot.Profile.Organisation)
        {
            name = Pick(random, Organisations);
        }
        else
        {
            bool female = random.Chance(0.55);
            name = $"{Pick(random, FamilyNames)} {Pick(random, female ? FemaleMiddle : MaleMiddle)} {Pick(random, female ? FemaleGiven : MaleGiven)} (demo)";
        }
        // Eleven digits: no Vietnamese number has that many, so a demo phone can never be someone's.
        var phone = "0900" + random.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        string? email = x.Channel == SubmissionChannel.Online || random.Chance(0.1)
            ? "nguoinop" + random.Next(100_000, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture) + "@demo.invalid"
            : null;
        var area = x.Area ?? Areas[random.Next(0, Areas.Length)];
        return new Applicant(name, phone, email, area.Addresses[random.Next(0, area.Addresses.Length)]);
    }

    // ── the demo catalogue's profiles ──────────────────────────────────────────────────────────────────

    private void BuildSlots()
    {
        var areas = Areas.Select(a => (Info: a, District: _unitsByCode.GetValueOrDefault(a.District), Commune: _unitsByCode.GetValueOrDefault(a.Commune)))
            .Where(a => a.District is not null && a.Commune is not null).ToList();
        foreach (var p in _source.Procedures.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var profile = Profiles.GetValueOrDefault(p.Code) ?? Profile.Default;
            bool online = p.OnlineLevel is not (OnlineLevel.None or OnlineLevel.LegacyLevel2);
            if (p.Level == CompetentLevel.Commune)
            {
                foreach (var a in areas)
                    _slots.Add(new Slot(p, profile, a.District!, new AreaDesks(a.Info, a.District!, a.Commune!, a.Info.Weight), online));
            }
            else if (_unitsById.TryGetValue(p.OwningUnitId, out var owner))
            {
                _slots.Add(new Slot(p, profile, owner, null, online));
            }
        }
    }

    private static (double, double) OnlineBand(string unitCode, AreaDesks? area) => (area?.Info.Suffix, unitCode) switch
    {
        (null, "DEMO-KTKD") => (0.50, 0.66),
        (null, "DEMO-GDTRH") => (0.46, 0.62),
        (null, "DEMO-KHTC") => (0.43, 0.56),
        (null, "DEMO-TCCB") => (0.42, 0.54),
        ("DS", _) => (0.46, 0.64),
        ("DH", _) => (0.44, 0.60),
        ("TH", _) => (0.44, 0.62),
        ("TP", _) => (0.42, 0.56),
        _ => (0.45, 0.60),
    };

    /// <summary>The planned share of late resolutions per receiving unit (2–6 %, docs/dossiers.md).</summary>
    private static double LateShare(string unitCode) => unitCode switch
    {
        "DEMO-KTKD" => 0.028,
        "DEMO-GDTRH" => 0.040,
        "DEMO-KHTC" => 0.048,
        "DEMO-TCCB" => 0.035,
        "DEMO-PGD-DS" => 0.048,
        "DEMO-PGD-TH" => 0.042,
        "DEMO-VHXH-DS" => 0.030,
        "DEMO-VHXH-DH" => 0.038,
        "DEMO-VHXH-TH" => 0.045,
        "DEMO-VHXH-TP" => 0.034,
        _ => 0.04,
    };

    private enum Season { Steady, Diplomas, Exams, ExamRegistration, ExamReview, Admission, Transfers, ExtraClasses, Scholarships, StaffMoves }

    /// <summary>Month multipliers (January first) of each season.</summary>
    private static readonly double[][] Seasons =
    [
        [1, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        [1, 0.8, 1, 1, 1.1, 1.6, 1.8, 1.6, 1.3, 1, 1, 0.9],
        [0.3, 0.2, 0.4, 0.6, 2.5, 3, 3, 2.2, 0.5, 0.3, 0.3, 0.3],
        [0.1, 0.1, 0.3, 1.2, 4, 2.5, 0.6, 0.4, 0.1, 0.1, 0.1, 0.1],
        [0.05, 0.05, 0.05, 0.05, 0.05, 0.3, 8, 2, 0.1, 0.05, 0.05, 0.05],
        [0.1, 0.1, 0.2, 0.3, 1.5, 4, 3, 1, 0.2, 0.1, 0.1, 0.1],
        [1.5, 0.5, 0.5, 0.5, 0.6, 1, 1.5, 4.5, 3.5, 0.8, 0.6, 0.6],
        [0.6, 0.5, 0.6, 0.6, 0.6, 0.8, 1, 2.2, 2.5, 1.8, 0.8, 0.6],
        [0.5, 0.3, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 3, 3, 2, 0.8],
        [0.5, 0.3, 0.4, 0.5, 0.8, 2, 3, 2.5, 0.8, 0.5, 0.4, 0.4],
    ];

    private sealed record Profile(double Weight, Season Season, string Papers, bool Organisation = false, (string? Unit, int Days)[]? Route = null)
    {
        public static Profile Default { get; } = new(0.5, Season.Steady, "Đơn đề nghị theo mẫu\nBản sao giấy tờ liên quan");
    }

    private const string PersonPapers = "Đơn đề nghị theo mẫu\nBản sao căn cước công dân";
    private const string SchoolPapers = "Tờ trình của cơ sở giáo dục\nBáo cáo tự đánh giá\nHồ sơ minh chứng";

    // Yearly weights in per cent of the dossiers; the route's null unit is the receiving unit.
    private static readonly Dictionary<string, Profile> Profiles = new(StringComparer.Ordinal)
    {
        ["DEMO.1.0001"] = new(18, Season.Diplomas, PersonPapers + "\nBản sao văn bằng (nếu có)"),
        ["DEMO.1.0002"] = new(3, Season.Diplomas, PersonPapers + "\nVăn bằng, chứng chỉ cần chỉnh sửa\nGiấy tờ làm căn cứ chỉnh sửa"),
        ["DEMO.1.0003"] = new(1, Season.Steady, PersonPapers + "\nBản sao văn bằng do cơ sở nước ngoài cấp\nBản dịch có chứng thực"),
        ["DEMO.1.0004"] = new(6, Season.ExamReview, "Đơn phúc khảo bài thi"),
        ["DEMO.1.0005"] = new(20, Season.ExamRegistration, "Phiếu đăng ký dự thi\nBản sao căn cước công dân"),
        ["DEMO.1.0006"] = new(2, Season.Admission, "Đơn xin dự tuyển\nHọc bạ trung học cơ sở\nGiấy xác nhận vùng dân tộc"),
        ["DEMO.1.0007"] = new(8, Season.Transfers, "Đơn xin chuyển trường\nHọc bạ\nGiấy giới thiệu của trường nơi đi"),
        ["DEMO.1.0008"] = new(2, Season.Transfers, "Đơn xin học lại\nHọc bạ"),
        ["DEMO.1.0009"] = new(0.3, Season.Steady, SchoolPapers, Organisation: true, Route: [(null, 10), ("DEMO-GDTRH", 15), (null, 5)]),
        ["DEMO.1.0010"] = new(0.3, Season.Steady, SchoolPapers, Organisation: true, Route: [(null, 10), ("DEMO-GDMN-TH", 15), (null, 5)]),
        ["DEMO.1.0011"] = new(0.1, Season.Steady, "Tờ trình đề nghị thành lập\nĐề án thành lập trường", Organisation: true,
            Route: [(null, 5), ("DEMO-GDTRH", 10), ("DEMO-TCCB", 3), (null, 2)]),
        ["DEMO.1.0012"] = new(0.1, Season.Steady, "Tờ trình đề nghị cho phép hoạt động giáo dục\nQuyết định thành lập", Organisation: true),
        ["DEMO.1.0013"] = new(0.1, Season.Steady, "Tờ trình\nĐề án sáp nhập, chia, tách", Organisation: true,
            Route: [(null, 8), ("DEMO-KHTC", 8), (null, 4)]),
        ["DEMO.1.0014"] = new(3, Season.ExtraClasses, "Đơn đề nghị cấp giấy phép\nDanh sách người dạy thêm\nBản sao văn bằng của người dạy"),
        ["DEMO.1.0015"] = new(0.5, Season.Steady, "Tờ trình đề nghị cho phép hoạt động\nQuyết định thành lập trung tâm", Organisation: true,
            Route: [(null, 10), ("DEMO-KHTC", 5)]),
        ["DEMO.1.0016"] = new(0.2, Season.Steady, "Tờ trình\nChương trình, tài liệu dạy học bằng tiếng nước ngoài", Organisation: true),
        ["DEMO.1.0017"] = new(3, Season.Scholarships, "Đơn đề nghị hưởng học bổng\nGiấy xác nhận thuộc đối tượng chính sách"),
        ["DEMO.1.0018"] = new(1, Season.StaffMoves, "Đơn xin thuyên chuyển\nÝ kiến của cơ sở giáo dục nơi đi và nơi đến",
            Route: [(null, 5), ("DEMO-GDTRH", 7), (null, 3)]),
        ["DEMO.2.0001"] = new(0.2, Season.Steady, SchoolPapers, Organisation: true),
        ["DEMO.2.0002"] = new(0.1, Season.Steady, "Tờ trình đề nghị thành lập\nĐề án thành lập trường", Organisation: true),
        ["DEMO.2.0003"] = new(1.5, Season.Steady, "Tờ trình đề nghị cho phép hoạt động\nDanh sách giáo viên, người chăm sóc trẻ", Organisation: true),
        ["DEMO.2.0004"] = new(18, Season.Transfers, "Đơn xin chuyển trường\nHọc bạ\nGiấy giới thiệu của trường nơi đi"),
        ["DEMO.2.0005"] = new(0.3, Season.Steady, SchoolPapers, Organisation: true, Route: [(null, 10), ("DEMO-KTKD", 15), (null, 5)]),
        ["DEMO.2.0006"] = new(8, Season.Scholarships, "Đơn đề nghị hỗ trợ\nGiấy xác nhận nơi cư trú"),
        ["DEMO.2.0007"] = new(0.1, Season.Steady, "Tờ trình\nBáo cáo kết quả phổ cập giáo dục, xóa mù chữ", Organisation: true),
    };

    /// <summary>The communes of the demo tree, the district office that served them until 30/06/2025, and addresses.</summary>
    private sealed record Area(string Suffix, string District, string Commune, double Weight, string[] Addresses);

    private static readonly Area[] Areas =
    [
        new("DS", "DEMO-PGD-DS", "DEMO-VHXH-DS", 0.30, Addresses("Đông Sơn")),
        new("DH", "DEMO-PGD-DS", "DEMO-VHXH-DH", 0.25, Addresses("Đông Hà")),
        new("TH", "DEMO-PGD-TH", "DEMO-VHXH-TH", 0.25, Addresses("Tây Hòa")),
        new("TP", "DEMO-PGD-TH", "DEMO-VHXH-TP", 0.20, Addresses("Tây Phú")),
    ];

    private static string[] Addresses(string commune) =>
        [.. Enumerable.Range(1, 9).Select(n => $"Thôn {n}, xã {commune}, tỉnh Demo")];

    private sealed record AreaDesks(Area Info, DemoDesk District, DemoDesk Commune, double Weight);

    private sealed record Slot(Procedure Procedure, Profile Profile, DemoDesk Owner, AreaDesks? Area, bool Online)
    {
        public double AreaWeight => Area?.Weight ?? 1;
    }

    private sealed class Intake(Slot slot, DemoDesk desk, SubmissionChannel channel, DateTime submittedAt, DateTime receivedAt, Area? area)
    {
        public Slot Slot { get; } = slot;
        public DemoDesk Desk { get; } = desk;
        public SubmissionChannel Channel { get; } = channel;
        public DateTime SubmittedAt { get; } = submittedAt;
        public DateTime ReceivedAt { get; } = receivedAt;

        /// <summary>The applicant's commune (for a commune procedure, the one whose desk receives it).</summary>
        public Area? Area { get; } = area;

        public int Sequence { get; set; }
    }

    private static readonly string[] FamilyNames =
        ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thành", "Công", "Xuân"];
    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Phương"];
    private static readonly string[] MaleGiven =
        ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Minh", "Nam", "Phúc", "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt"];
    private static readonly string[] FemaleGiven =
        ["Anh", "Châu", "Dung", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến"];
    private static readonly string[] Organisations =
    [
        "Trường THPT tư thục Ánh Dương (demo)", "Trường Tiểu học Hoa Sen (demo)", "Trường Mầm non Sơn Ca (demo)",
        "Trung tâm Ngoại ngữ – Tin học Sao Mai (demo)", "Nhóm trẻ độc lập Búp Măng (demo)", "Trường THCS Bình Minh (demo)",
    ];

    private static readonly string[] RefusalReasons =
    [
        "Hồ sơ không thuộc thẩm quyền giải quyết của đơn vị (dữ liệu mẫu).",
        "Thành phần hồ sơ đính kèm không đúng thủ tục đã chọn (dữ liệu mẫu).",
        "Hồ sơ nộp trùng với hồ sơ đang giải quyết (dữ liệu mẫu).",
    ];
    private static readonly string[] SupplementReasons =
    [
        "Bổ sung bản sao có chứng thực văn bằng (dữ liệu mẫu).",
        "Bổ sung giấy tờ chứng minh thuộc đối tượng (dữ liệu mẫu).",
        "Đơn đề nghị chưa ghi đủ thông tin theo mẫu; đề nghị hoàn thiện (dữ liệu mẫu).",
        "Bổ sung ý kiến xác nhận của cơ sở giáo dục (dữ liệu mẫu).",
    ];
    private static readonly string[] StopReasons =
    [
        "Hồ sơ không đủ điều kiện giải quyết theo quy định (dữ liệu mẫu).",
        "Kết quả thẩm định thực tế không đạt yêu cầu (dữ liệu mẫu).",
    ];
    private static readonly string[] ApologyReasons =
    [
        "Cần xác minh thêm thông tin với cơ sở giáo dục (dữ liệu mẫu).",
        "Số lượng hồ sơ tăng cao trong thời gian cao điểm (dữ liệu mẫu).",
        "Chờ ý kiến của cơ quan phối hợp (dữ liệu mẫu).",
    ];
}

/// <summary>SplitMix64: small, fast and the same on every machine and runtime (System.Random's algorithm may change).</summary>
public sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>In [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>In [min, max); min when the range is empty.</summary>
    public int Next(int min, int max) => max <= min ? min : min + (int)(NextUInt64() % (ulong)(max - min));

    public bool Chance(double probability) => NextDouble() < probability;
}
