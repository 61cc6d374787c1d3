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
}
