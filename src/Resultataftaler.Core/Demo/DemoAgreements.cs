using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Resultataftaler.Core.Agreements;
using Resultataftaler.Core.Data;
using Resultataftaler.Core.Templates;

namespace Resultataftaler.Core.Demo;

/// <summary>
/// The demo's agreements as the KKR column tells 2011: all five KKR have entered into their first
/// one-year agreement, so the demo year's agreements are signed — by the KKR chair and the house's
/// board chair, early in the year — and quarterly reports can be handed in on them (decision 0016).
/// One KKR has begun next year's agreement from the next year's template: a draft, to show the draft
/// flow (edit goals and targets, sign). Idempotent: an interrupted setup resumes here.
/// </summary>
public sealed class DemoAgreements(ResultataftalerDbContext db, AgreementFactory factory, ILogger<DemoAgreements> logger)
{
    /// <summary>The region whose KKR has begun next year's agreement in the demo.</summary>
    public const int NextYearDraftRegion = 1084;

    /// <summary>Plausible signing dates early in the year, a week or two apart (the houses passed to the municipalities on 1 January 2011).</summary>
    private static readonly Dictionary<int, (int Month, int Day)> SigningDates = new()
    {
        [1081] = (1, 24), [1082] = (1, 31), [1083] = (2, 7), [1084] = (2, 14), [1085] = (2, 21),
    };

    public async Task EnsureAsync(int year, string templatePath, CancellationToken cancellationToken = default)
    {
        await SignAsync(year, cancellationToken);
        await BeginNextYearAsync(year, templatePath, cancellationToken);
    }

    /// <summary>Signs the year's draft agreements as their KKR chair and house board chair did, early in the year.</summary>
    public async Task SignAsync(int year, CancellationToken cancellationToken = default)
    {
        var drafts = await db.Agreements.Include(a => a.Kkr).Include(a => a.GrowthHouse)
            .Where(a => a.Year == year && a.Status == AgreementStatus.Draft).ToListAsync(cancellationToken);
        foreach (var agreement in drafts)
        {
            var (month, day) = SigningDates.GetValueOrDefault(agreement.RegionCode, (2, 28));
            agreement.Sign($"Formand for {agreement.Kkr!.Name}", $"Bestyrelsesformand for {agreement.GrowthHouse!.Name}", new DateOnly(year, month, day));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Next year's agreement of <see cref="NextYearDraftRegion"/> from the template beside this year's, as a draft.</summary>
    public async Task BeginNextYearAsync(int year, string templatePath, CancellationToken cancellationToken = default)
    {
        var next = Path.Combine(Path.GetDirectoryName(templatePath) ?? ".", $"agreement-{year + 1}.json");
        if (!File.Exists(next))
        {
            logger.LogInformation("No template {Template}: the demo has no draft for {Year}", next, year + 1);
            return;
        }

        if (!await db.Agreements.AnyAsync(a => a.Year == year + 1, cancellationToken))
        {
            await factory.CreateAsync(TemplateLoader.LoadFile(next), year + 1, [NextYearDraftRegion], cancellationToken);
        }
    }
}
