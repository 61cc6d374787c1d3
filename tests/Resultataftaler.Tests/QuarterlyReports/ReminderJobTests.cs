using Microsoft.EntityFrameworkCore;
using Resultataftaler.Accounts;
using Resultataftaler.Core.QuarterlyReports;
using Resultataftaler.Tests.Support;

namespace Resultataftaler.Tests.QuarterlyReports;

/// <summary>The daily reminders: due and overdue reports found, closed when submitted, e-mailed once over SMTP when switched on.</summary>
public sealed class ReminderJobTests
{
    [Test]
    public async Task OverdueReports_GetOneReminderEach_EmailedOnce_AndClosedWhenSubmitted()
    {
        using var smtp = new FakeSmtpServer();
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?>
        {
            ["Resultataftaler:Reporting:Smtp:Enabled"] = "true",
            ["Resultataftaler:Reporting:Smtp:Host"] = "127.0.0.1",
            ["Resultataftaler:Reporting:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Resultataftaler:Reporting:Smtp:From"] = "resultataftaler@test.dk",
        });
        // Draft agreements take no quarterly report, so they are owed none.
        await system.RunAsync<ReminderJob>(j => j.RunAsync(CancellationToken.None));
        Assert.That(await system.DbAsync(db => db.Reminders.CountAsync()), Is.Zero, "no reminder for a draft agreement");
        await system.SignAgreementsAsync();
        await system.RunAsync<AccountsSetup>(s => s.MigrateAsync());
        await system.RunAsync<UserAdministration>(u => u.AddAsync("leder@vhh.dk", "Sommer-2011x", Roles.Husleder, 1084));
        await system.RunAsync<UserAdministration>(u => u.AddAsync("kkr@kkrh.dk", "Sommer-2011x", Roles.KkrSekretariat, 1084));

        // Today (2026) every quarter of 2011 is past its deadline.
        await system.RunAsync<ReminderJob>(j => j.RunAsync(CancellationToken.None));
        await system.RunAsync<ReminderJob>(j => j.RunAsync(CancellationToken.None));

        var open = await system.DbAsync(db => db.Reminders.Where(r => r.ClosedAtUtc == null).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(open, Has.Count.EqualTo(20), "five agreements × four quarters, once each");
            Assert.That(open.Select(r => r.Kind), Is.All.EqualTo(ReminderKind.Overdue));
            Assert.That(open.Single(r => r.RegionCode == 1084 && r.Quarter == 2).Deadline, Is.EqualTo(new DateOnly(2011, 7, 20)), "20 days after the quarter");
            Assert.That(smtp.Messages, Has.Count.EqualTo(4), "only Hovedstaden has users; each reminder e-mailed once, not again the next day");
            Assert.That(open.Where(r => r.RegionCode == 1084).Select(r => r.EmailedTo), Is.All.EqualTo("kkr@kkrh.dk, leder@vhh.dk"));
        });
        Assert.That(smtp.Messages[0], Does.Contain("Subject:").And.Contain("leder@vhh.dk").And.Contain("kkr@kkrh.dk"));

        var agreement = await system.DbAsync(db => db.Agreements.Where(a => a.RegionCode == 1084).Select(a => a.Id).SingleAsync());
        var view = await system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, 2));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 2, "Væksthusleder", view.Version));
        await system.RunAsync<ReminderJob>(j => j.RunAsync(CancellationToken.None));

        var afterSubmit = await system.DbAsync(db => db.Reminders.SingleAsync(r => r.AgreementId == agreement && r.Quarter == 2));
        Assert.That(afterSubmit.ClosedAtUtc, Is.Not.Null, "a submitted report needs no reminder");
        Assert.That(smtp.Messages, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task TheWorkflow_ClosesAndReopensReminders_AtOnce_WithoutWaitingForTheDailyJob()
    {
        await using var system = await TestSystem.FreshInstallAsync(new Dictionary<string, string?> { ["Resultataftaler:Setup:DemoData"] = "true" });
        await system.RunAsync<ReminderJob>(j => j.RunAsync(CancellationToken.None));
        var agreement = await system.DbAsync(db => db.Agreements.Where(a => a.RegionCode == 1081 && a.Year == 2011).Select(a => a.Id).SingleAsync());
        Task<List<Reminder>> OpenAsync() => system.DbAsync(db => db.Reminders.Where(r => r.AgreementId == agreement && r.Quarter == 1 && r.ClosedAtUtc == null).ToListAsync());
        Assert.That(await OpenAsync(), Has.Count.EqualTo(1), "2011 K1 is overdue");

        var view = await system.RunAsync<QuarterReporting, QuarterReportView>(r => r.LoadAsync(agreement, 1));
        var narratives = view.Goals.ToDictionary(g => g.Goal.Id, g => (string?)"Beretning.");
        await system.RunAsync<QuarterReporting>(r => r.SaveAsync(agreement, 1, new Dictionary<int, double?>(), narratives, "Husleder", 0, "Fælles beretning."));
        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 1, "Husleder", 1));
        Assert.That(await OpenAsync(), Is.Empty, "submitted: the reminder closes in the same transaction, not at 06:00");

        await system.RunAsync<QuarterReporting>(r => r.ReturnAsync(agreement, 1, "Uddyb", "KKR", 2));
        var returned = await OpenAsync();
        Assert.That(returned.Select(r => r.Kind), Is.EqualTo(new[] { ReminderKind.Overdue }), "returned after the deadline: overdue again at once");

        await system.RunAsync<QuarterReporting>(r => r.SubmitAsync(agreement, 1, "Husleder", 3));
        await system.RunAsync<QuarterReporting>(r => r.ApproveAsync(agreement, 1, "KKR", 4));
        Assert.That(await OpenAsync(), Is.Empty);
        await system.RunAsync<QuarterReporting>(r => r.ReopenAsync(agreement, 1, "Rettelse", "Admin", 5));
        Assert.That((await OpenAsync()).Select(r => r.Kind), Is.EqualTo(new[] { ReminderKind.Overdue }), "reopened: overdue again at once");

        // The daily job finds nothing more to do for this quarter: it adds no second reminder.
        await system.RunAsync<ReminderJob>(j => j.RunAsync(CancellationToken.None));
        Assert.That(await OpenAsync(), Has.Count.EqualTo(1));
    }
}
