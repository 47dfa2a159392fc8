namespace Cchc.Web.Features.Reminders;

/// <summary>Configuration section "Reminders" (README, "Configuration").</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>How many days before a task's last deadline the lead unit is reminded; also the home page's "due soon" window.</summary>
    public int DaysBefore { get; set; } = 7;

    /// <summary>The address links in the e-mail start with ("https://cchc.example.gov.vn"); no links when empty.</summary>
    public string? BaseUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }

    /// <summary>No e-mail is sent unless a host and a sender are set.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}
