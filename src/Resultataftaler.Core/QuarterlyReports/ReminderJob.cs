using System.Net;
using System.Net.Mail;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Common;
using Resultataftaler.Core.Data;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// The daily reminder job: finds quarterly reports due within the reminder window and overdue
/// ones (not yet submitted or approved), keeps one open reminder per agreement, quarter and kind for
/// the dashboards, closes those whose report has come in, and — when SMTP is switched on — e-mails
/// each new reminder once to the region's house manager and KKR secretariat.
/// </summary>
public sealed class ReminderJob(ResultataftalerDbContext db, IOptions<ReportingOptions> options, IReminderRecipients recipients, TimeProvider clock, ILogger<ReminderJob> logger)
{
    public const string RecurringId = "daily-report-reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 1)]
    /// <summary>The reminder a report not handed in calls for today: none before the due-soon window (or before the quarter ends), "due soon", or "overdue".</summary>
    public static ReminderKind? Wanted(ReportingOptions settings, int year, int quarter, DateOnly today)
    {
        var deadline = settings.Deadline(year, quarter);
        return today < deadline.AddDays(-settings.DueSoonDays) || today <= Quarters.LastDay(year, quarter)
            ? null
            : today > deadline ? ReminderKind.Overdue : ReminderKind.DueSoon;
    }

    /// <summary>
    /// The workflow's own step (submit, return, approve, reopen), in its transaction: a report handed in
    /// closes its open reminders at once (the dashboard stops listing it as overdue); one taken back
    /// (returned, reopened) gets the reminder the daily job would give it. The job itself then only adds
    /// what the calendar brings.
    /// </summary>
    public static async Task FollowAsync(ResultataftalerDbContext db, ReportingOptions settings, Agreement agreement, int quarter, QuarterReportStatus status, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var open = await db.Set<Reminder>().Where(r => r.AgreementId == agreement.Id && r.Quarter == quarter && r.ClosedAtUtc == null).ToListAsync(cancellationToken);
        var kind = QuarterReport.IsHandedInStatus(status) ? null : Wanted(settings, agreement.Year, quarter, DateOnly.FromDateTime(DanishFormat.ToCopenhagen(nowUtc)));
        foreach (var reminder in open.Where(r => r.Kind != kind))
        {
            reminder.ClosedAtUtc = nowUtc;
        }

        if (kind is { } wanted && !open.Any(r => r.Kind == wanted))
        {
            db.Set<Reminder>().Add(new Reminder { AgreementId = agreement.Id, RegionCode = agreement.RegionCode, Quarter = quarter, Kind = wanted, Deadline = settings.Deadline(agreement.Year, quarter), CreatedAtUtc = nowUtc });
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(DanishFormat.ToCopenhagen(now));
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Status == AgreementStatus.Signed)
            .Select(a => new { a.Id, a.Year, a.RegionCode }).ToListAsync(cancellationToken);
        var reported = (await db.QuarterReports.AsNoTracking()
                .Where(r => QuarterReport.HandedInStatuses.Contains(r.Status))
                .Select(r => new { r.AgreementId, r.Quarter }).ToListAsync(cancellationToken))
            .Select(r => (r.AgreementId, r.Quarter)).ToHashSet();
        var open = await db.Set<Reminder>().Where(r => r.ClosedAtUtc == null).ToListAsync(cancellationToken);

        var wanted = new List<Reminder>();
        foreach (var agreement in agreements)
        {
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                if (!reported.Contains((agreement.Id, quarter)) && Wanted(settings, agreement.Year, quarter, today) is { } kind)
                {
                    wanted.Add(new Reminder { AgreementId = agreement.Id, RegionCode = agreement.RegionCode, Quarter = quarter, Kind = kind, Deadline = settings.Deadline(agreement.Year, quarter), CreatedAtUtc = now });
                }
            }
        }

        // Close what is no longer wanted (reported, or "due soon" that became "overdue"); add what is new.
        foreach (var reminder in open.Where(o => !wanted.Any(w => Same(w, o))))
        {
            reminder.ClosedAtUtc = now;
        }

        var added = wanted.Where(w => !open.Any(o => Same(w, o))).ToList();
        db.Set<Reminder>().AddRange(added);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another run (a CLI call beside the job) opened the same reminders first: they exist once; its run sends them.
            logger.LogInformation("Reminders: another run opened them at the same time; nothing added");
            return;
        }

        if (settings.Smtp.Enabled && string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            logger.LogWarning("Reporting:Smtp:Enabled is on but Reporting:Smtp:Host is empty: no reminder e-mails are sent");
        }
        else if (settings.Smtp.Enabled)
        {
            // Every open reminder not yet e-mailed (also those from days when sending failed or nobody was there to receive it).
            var unsent = await db.Set<Reminder>().Where(r => r.ClosedAtUtc == null && r.EmailedAtUtc == null).ToListAsync(cancellationToken);
            var everSent = await db.Set<Reminder>().AsNoTracking().Where(r => r.EmailedAtUtc != null)
                .Select(r => new { r.AgreementId, r.Quarter, r.Kind }).ToListAsync(cancellationToken);
            foreach (var reminder in unsent.Where(a => !everSent.Any(s => s.AgreementId == a.AgreementId && s.Quarter == a.Quarter && s.Kind == a.Kind)))
            {
                await SendAsync(reminder, settings, cancellationToken);
            }
        }

        logger.LogInformation("Reminders: {Open} open ({Added} new, {Closed} closed)", wanted.Count, added.Count, open.Count(o => o.ClosedAtUtc != null));
    }

    private async Task SendAsync(Reminder reminder, ReportingOptions settings, CancellationToken cancellationToken)
    {
        var to = await recipients.EmailsAsync(reminder.RegionCode, cancellationToken);
        if (to.Count == 0)
        {
            return;
        }

        var region = await db.Regions.AsNoTracking().Where(r => r.Code == reminder.RegionCode).Select(r => r.Name).SingleAsync(cancellationToken);
        var year = await db.Agreements.AsNoTracking().Where(a => a.Id == reminder.AgreementId).Select(a => a.Year).SingleAsync(cancellationToken);
        using var message = new MailMessage { From = new MailAddress(settings.Smtp.From), Subject = Subject(reminder, region, year), Body = Body(reminder, region, year) };
        foreach (var address in to)
        {
            message.To.Add(address);
        }

        using var client = new SmtpClient(settings.Smtp.Host, settings.Smtp.Port) { EnableSsl = settings.Smtp.UseSsl };
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            client.Credentials = new NetworkCredential(settings.Smtp.UserName, settings.Smtp.Password);
        }

        try
        {
            await client.SendMailAsync(message, cancellationToken);
            reminder.EmailedAtUtc = clock.GetUtcNow().UtcDateTime;
            reminder.EmailedTo = string.Join(", ", to);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or FormatException or IOException)
        {
            // Not marked as sent: the next run tries again.
            logger.LogWarning(ex, "Could not e-mail the reminder for region {Region} Q{Quarter}", reminder.RegionCode, reminder.Quarter);
        }
    }

    public static string Subject(Reminder reminder, string region, int year) => reminder.Kind == ReminderKind.Overdue
        ? $"Kvartalsrapporten for {reminder.Quarter}. kvartal {year} er overskredet – {region}"
        : $"Kvartalsrapporten for {reminder.Quarter}. kvartal {year} skal indsendes senest {DanishFormat.Date(reminder.Deadline)} – {region}";

    private static string Body(Reminder reminder, string region, int year) =>
        (reminder.Kind == ReminderKind.Overdue
            ? $"Kvartalsrapporten for {reminder.Quarter}. kvartal {year} for {region} havde frist {DanishFormat.Date(reminder.Deadline)} og er endnu ikke indsendt.\n\n"
            : $"Kvartalsrapporten for {reminder.Quarter}. kvartal {year} for {region} skal indsendes senest {DanishFormat.Date(reminder.Deadline)}.\n\n") +
        "Huslederen indsender den i Resultataftaler under aftalen → Kvartalsrapporter.\n\nDenne påmindelse sendes én gang.";

    private static bool Same(Reminder a, Reminder b) => a.AgreementId == b.AgreementId && a.Quarter == b.Quarter && a.Kind == b.Kind;
}
