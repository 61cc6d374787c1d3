using Resultataftaler.Core.Common;

namespace Resultataftaler.Core.QuarterlyReports;

/// <summary>
/// The house's report for one agreement and quarter: NotStarted → Draft → Submitted → Returned →
/// (Submitted again) → Approved; an administrator may reopen an approved quarter with a reason.
/// Every step is kept with who and when. Submit freezes the computed values into the snapshot,
/// which the approved quarter's reports are built from.
/// </summary>
public sealed class QuarterReport
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public int Quarter { get; set; }
    public QuarterReportStatus Status { get; private set; } = QuarterReportStatus.NotStarted;

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public int Version { get; set; }

    public DateTime? SubmittedAtUtc { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }

    /// <summary>The KKR secretariat's comment when it last returned the report.</summary>
    public string? ReturnComment { get; private set; }

    public List<QuarterReportStep> Steps { get; } = [];
    public List<SnapshotValue> Snapshot { get; } = [];

    /// <summary>The statuses in which the house has handed the quarter in: its figures are frozen in the snapshot and no reminder is due.</summary>
    public static readonly IReadOnlyList<QuarterReportStatus> HandedInStatuses = [QuarterReportStatus.Submitted, QuarterReportStatus.Approved];

    /// <summary>Handed in (submitted or approved): the figures shown are the frozen snapshot, not the current values.</summary>
    public static bool IsHandedInStatus(QuarterReportStatus status) => HandedInStatuses.Contains(status);

    public bool IsEditable => Status is QuarterReportStatus.NotStarted or QuarterReportStatus.Draft or QuarterReportStatus.Returned;

    /// <summary>
    /// Why this report cannot be submitted now, or null when it can: it must be editable, its
    /// quarter must have ended, and every goal with a red measure must have its narrative.
    /// </summary>
    /// <param name="today">Today in Copenhagen.</param>
    /// <param name="goalsLackingNarrative">Titles of the goals that have a red measure this quarter and no narrative.</param>
    /// <param name="sharedLacking">A shared national measure is red this quarter and the "Fælles resultatmål" narrative is missing.</param>
    public Text? WhyNotSubmittable(int year, DateOnly today, IReadOnlyList<string> goalsLackingNarrative, bool sharedLacking)
    {
        if (!IsEditable)
        {
            var status = QuarterReportStatusNames.Name(Status);
            return new Text($"{Quarter}. kvartal er {status.Danish} og kan ikke indsendes igen.", $"Q{Quarter} is {status.English} and cannot be submitted again.");
        }

        var lastDay = Quarters.LastDay(year, Quarter);
        if (today <= lastDay)
        {
            return new Text(
                $"{Quarter}. kvartal {year} slutter {DanishFormat.Date(lastDay)}; rapporten kan indsendes, når kvartalet er slut. Kladden kan gemmes.",
                $"Q{Quarter} {year} ends on {DanishFormat.Date(lastDay)}; the report can be submitted when the quarter is over. The draft can be saved.");
        }

        if (goalsLackingNarrative.Count > 0 || sharedLacking)
        {
            var titles = goalsLackingNarrative.Select(t => $"\"{t}\"").ToList();
            var danish = new List<string>();
            var english = new List<string>();
            if (titles.Count > 0)
            {
                danish.Add($"Skriv en beretning for {TextList.And(titles)}: {(titles.Count == 1 ? "indsatsområdet har" : "indsatsområderne har")} et rødt resultatmål i {Quarter}. kvartal.");
                english.Add($"Write a narrative for {TextList.And(titles, "and")}: {(titles.Count == 1 ? "the goal has" : "the goals have")} a red measure in Q{Quarter}.");
            }

            if (sharedLacking)
            {
                danish.Add($"Skriv en beretning under \"{SharedNarrative.Title}\": et fælles nationalt resultatmål er rødt i {Quarter}. kvartal.");
                english.Add($"Write a narrative under \"Shared national measures\": a shared national measure is red in Q{Quarter}.");
            }

            return new Text(string.Join(" ", danish) + " Intet er indsendt.", string.Join(" ", english) + " Nothing was submitted.");
        }

        return null;
    }

    /// <summary>Saving values or narratives: allowed before submission and after a return; starts the draft.</summary>
    public void Edit(string by, DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new WorkflowRuleException(Status == QuarterReportStatus.Approved
                ? new Text($"{Quarter}. kvartal er godkendt og kan ikke ændres. En administrator kan genåbne det med en begrundelse.", $"Q{Quarter} is approved and cannot be changed. An administrator can reopen it with a reason.")
                : new Text($"{Quarter}. kvartal er indsendt og afventer KKR-sekretariatet; det kan ændres igen, hvis det sendes retur.", $"Q{Quarter} is submitted and awaits the KKR secretariat; it can be changed again if it is returned."));
        }

        if (Status == QuarterReportStatus.NotStarted)
        {
            Move(QuarterReportStatus.Draft, by, nowUtc, null);
        }

        Version++;
    }

    /// <summary>Hands the report in, freezing the computed values; refused with <see cref="WhyNotSubmittable"/>'s reason.</summary>
    public void Submit(string by, DateTime nowUtc, int year, IReadOnlyList<string> goalsLackingNarrative, IEnumerable<SnapshotValue> snapshot, bool sharedLacking)
    {
        if (WhyNotSubmittable(year, DateOnly.FromDateTime(DanishFormat.ToCopenhagen(nowUtc)), goalsLackingNarrative, sharedLacking) is { } reason)
        {
            throw new WorkflowRuleException(reason);
        }

        Snapshot.Clear();
        Snapshot.AddRange(snapshot);
        SubmittedAtUtc = nowUtc;
        SubmittedBy = by;
        Move(QuarterReportStatus.Submitted, by, nowUtc, null);
        Version++;
    }

    public void Return(string by, DateTime nowUtc, string comment)
    {
        Require(QuarterReportStatus.Submitted, new("sendes retur", "be returned"));
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new WorkflowRuleException(new("Skriv en kommentar til huset om, hvad der skal rettes.", "Write a comment to the growth house on what to correct."));
        }

        ReturnComment = comment.Trim();
        Move(QuarterReportStatus.Returned, by, nowUtc, ReturnComment);
        Version++;
    }

    public void Approve(string by, DateTime nowUtc, string? comment = null)
    {
        Require(QuarterReportStatus.Submitted, new("godkendes", "be approved"));
        ApprovedAtUtc = nowUtc;
        ApprovedBy = by;
        Move(QuarterReportStatus.Approved, by, nowUtc, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        Version++;
    }

    public void Reopen(string by, DateTime nowUtc, string reason)
    {
        Require(QuarterReportStatus.Approved, new("genåbnes", "be reopened"));
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new WorkflowRuleException(new("Skriv begrundelsen for at genåbne et godkendt kvartal.", "Give the reason for reopening an approved quarter."));
        }

        ApprovedAtUtc = null;
        ApprovedBy = null;
        Move(QuarterReportStatus.Draft, by, nowUtc, reason.Trim());
        Version++;
    }

    private void Require(QuarterReportStatus status, Text verb)
    {
        if (Status != status)
        {
            var now = QuarterReportStatusNames.Name(Status);
            throw new WorkflowRuleException(new($"{Quarter}. kvartal er {now.Danish} og kan ikke {verb.Danish}.", $"Q{Quarter} is {now.English} and cannot {verb.English}."));
        }
    }

    private void Move(QuarterReportStatus to, string by, DateTime nowUtc, string? comment)
    {
        Steps.Add(new QuarterReportStep { From = Status, To = to, By = by, AtUtc = nowUtc, Comment = comment });
        Status = to;
    }
}

/// <summary>One step of the workflow: who moved the report from what to what, when, and why.</summary>
public sealed class QuarterReportStep
{
    public int Id { get; set; }
    public int QuarterReportId { get; set; }
    public QuarterReportStatus From { get; set; }
    public QuarterReportStatus To { get; set; }
    public required string By { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Comment { get; set; }
}

/// <summary>
/// A measure's figures as they were when the report was submitted. When a later import changes
/// the current value of an approved quarter, <see cref="RestatedValue"/> and the date of the
/// change are kept here, so the dashboard and the reports show the approved value beside the new one.
/// </summary>
public sealed class SnapshotValue
{
    public int Id { get; set; }
    public int QuarterReportId { get; set; }
    public int MeasureDefinitionId { get; set; }
    public required string MeasureCode { get; set; }
    public double? Value { get; set; }
    public double? Numerator { get; set; }
    public double? Denominator { get; set; }
    public double? Target { get; set; }
    public double? Milestone { get; set; }
    public Measures.MeasureStatus Status { get; set; }
    public double? Projection { get; set; }

    /// <summary>The current value when it differs from the approved one (null when they agree).</summary>
    public double? RestatedValue { get; set; }

    public bool IsRestated { get; set; }
    public DateTime? RestatedAtUtc { get; set; }
}
