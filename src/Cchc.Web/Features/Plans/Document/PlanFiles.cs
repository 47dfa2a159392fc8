using Cchc.Web.Data;
using Cchc.Web.Features.Account;
using Cchc.Web.Features.Plans.Spreadsheet;
using Cchc.Web.Shared.Office;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Web.Features.Plans.Document;

public sealed record PlanFile(byte[] Content, string ContentType, string FileName);

/// <summary>The downloads of a plan the caller can read: its task table (.xlsx) and the plan itself (.docx).</summary>
public sealed class PlanFiles(CchcDb db, PlanTaskSheet sheet)
{
    public async Task<PlanFile?> TasksXlsxAsync(CurrentUser user, int planId, CancellationToken ct)
    {
        var plan = await sheet.ReadableAsync(user, planId, ct);
        if (plan is null) return null;
        var names = await sheet.UnitNamesAsync(plan, ct);
        return new(PlanTaskSheet.Export(plan, names), XlsxTable.ContentType, PlanTaskSheet.FileName(plan, "xlsx").Replace("ke-hoach", "nhiem-vu-ke-hoach", StringComparison.Ordinal));
    }

    public async Task<PlanFile?> DocxAsync(CurrentUser user, int planId, CancellationToken ct)
    {
        var plan = await sheet.ReadableAsync(user, planId, ct);
        if (plan is null) return null;
        var names = await sheet.UnitNamesAsync(plan, ct);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == plan.IssuingUnitId, ct);
        var parent = unit.ParentId is { } pid ? await db.Units.AsNoTracking().Where(u => u.Id == pid).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        var bytes = PlanDocument.Write(plan, new Issuer(unit.Name, unit.Type, parent), names);
        return new(bytes, DocxBuilder.ContentType, PlanTaskSheet.FileName(plan, "docx"));
    }
}
