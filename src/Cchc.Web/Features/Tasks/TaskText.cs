using Cchc.Core.Plans;

namespace Cchc.Web.Features.Tasks;

/// <summary>Vietnamese names of the task states and the CSS class each list uses for them.</summary>
public static class TaskText
{
    public static string Status(EffectiveTaskStatus s) => s switch
    {
        EffectiveTaskStatus.NotStarted => "Chưa bắt đầu",
        EffectiveTaskStatus.InProgress => "Đang thực hiện",
        EffectiveTaskStatus.Done => "Hoàn thành",
        EffectiveTaskStatus.Overdue => "Quá hạn",
        EffectiveTaskStatus.Cancelled => "Đã hủy",
        _ => s.ToString(),
    };

    public static string Css(EffectiveTaskStatus s) => s switch
    {
        EffectiveTaskStatus.Overdue => "status-overdue",
        EffectiveTaskStatus.Done => "status-done",
        _ => "status-open",
    };

    public static string Percent(double? rate) => rate is { } r ? r.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%" : "–";
}
