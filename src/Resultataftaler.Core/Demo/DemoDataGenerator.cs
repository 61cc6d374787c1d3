using System.Globalization;
using System.Text;
using Resultataftaler.Core.Seeding;

namespace Resultataftaler.Core.Demo;

/// <summary>
/// Writes realistic, deterministic activity files for the houses of a year in the import format
/// (one CSV per house: five Væksthuse until 2018, six Erhvervshuse from 2019 — Syddanmark's two
/// each get a file with the <c>hus</c> column, their companies split by the municipalities each
/// serves, Middelfart in Sydjylland's): about 2,400 companies mapped nationally a year, split by region size, with
/// growth plans, referrals (mostly to private advisers), survey answers, municipal referrals,
/// events and competence development — and a few deliberately bad rows. Streams to disk, so
/// `rows` may be in the millions (for benchmarks).
/// </summary>
public static class DemoDataGenerator
{
    /// <summary>Companies mapped per house in a year at the default volume (targets × a performance factor).</summary>
    private static readonly Dictionary<int, int> Companies = new()
    {
        [1081] = 346,
        [1082] = 533,
        [1083] = 425,
        [1084] = 765,
        [1085] = 307,
    };

    /// <summary>Rows written per mapped company on average (mappings, plans, referrals, answers, municipal referrals).</summary>
    private const double RowsPerCompany = 3.3;

    private static readonly int[] MonthWeights = [7, 9, 10, 9, 10, 8, 3, 6, 10, 10, 10, 8];

    /// <summary>The regions whose houses get a demo file.</summary>
    public static IReadOnlyCollection<int> Regions => Companies.Keys;

    /// <summary>The file a house's demo year is written to (a region with two houses that year: one per house code).</summary>
    public static string FileName(int region, int year, string? houseCode = null) =>
        houseCode is null
            ? $"aktiviteter-{region}-{year.ToString(CultureInfo.InvariantCulture)}.csv"
            : $"aktiviteter-{region}-{houseCode}-{year.ToString(CultureInfo.InvariantCulture)}.csv";

    /// <summary>The names of the files <see cref="Write"/> writes for a year.</summary>
    public static IReadOnlyList<string> FileNames(int year, ReferenceData reference) =>
        [.. Companies.Keys.SelectMany(region => HousesOf(reference, region, year) is { Count: > 1 } houses
            ? houses.Select(h => FileName(region, year, h.Code))
            : [FileName(region, year)])];

    /// <summary>The region's houses in the year (none known: the region counts as one house).</summary>
    private static List<HouseRow> HousesOf(ReferenceData reference, int region, int year) =>
        [.. reference.Houses.Where(h => h.RegionCode == region && Organisations.YearSpan.Covers(h.FromYear, h.ToYear, year)).OrderBy(h => h.Code, StringComparer.Ordinal)];

    /// <summary>
    /// Writes the demo year, one file per house. Each file is written under a temporary name
    /// (".tmp", which no import picks up) and moved into place when complete, so an interrupted
    /// write never leaves a truncated file to be imported.
    /// </summary>
    /// <param name="only">Write only the files of these names (e.g. those a resumed setup still needs); the rows are the same as when all are written.</param>
    public static DemoDataSummary Write(int year, string outDirectory, ReferenceData reference, int? rows = null, int seed = 2011, string idPrefix = "VH", IReadOnlySet<string>? only = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outDirectory);
        var defaultRows = Companies.Values.Sum() * RowsPerCompany;
        var scale = rows is { } wanted ? wanted / defaultRows : 1.0;
        var files = new List<string>();
        int total = 0, bad = 0;
        foreach (var (region, companies) in Companies)
        {
            var houses = HousesOf(reference, region, year);
            var all = reference.Municipalities.Where(m => m.RegionCode == region).Select(m => m.Code).ToArray();
            var parts = houses.Count > 1
                ? houses.Select((h, i) => (House: (string?)h.Code, Index: i, Served: reference.HouseServices
                    .Where(s => s.HouseCode == h.Code && Organisations.YearSpan.Covers(s.FromYear, s.ToYear, year))
                    .Select(s => s.MunicipalityCode).Order().ToArray())).ToList()
                : [(House: (string?)null, Index: 0, Served: all)];
            var regionMunicipalities = parts.Sum(p => p.Served.Length);
            foreach (var (house, index, served) in parts)
            {
                // Deterministic (HashCode is not); a region's second house gets its own stream.
                var random = new Random(unchecked((seed * 7919) + (region * 31) + year + (index * 104729)) & 0x7fffffff);
                var others = reference.Municipalities.Select(m => m.Code).Where(c => !served.Contains(c)).ToArray();
                var path = Path.Combine(outDirectory, FileName(region, year, house));
                if (only is not null && !only.Contains(Path.GetFileName(path)))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var temporary = path + ".tmp";
                var writer = new HouseWriter(temporary, region, year, random, served, others, idPrefix, house, index);
                var share = parts.Count > 1 ? (double)served.Length / regionMunicipalities : 1.0;
                writer.Write(Math.Max(1, (int)Math.Round(companies * share * scale)), scale * share);
                File.Move(temporary, path, overwrite: true);
                files.Add(path);
                total += writer.Rows;
                bad += writer.BadRows;
            }
        }

        return new DemoDataSummary(files, total, bad);
    }

    /// <param name="house">The house code written in the <c>hus</c> column (a region with two houses); null: no such column.</param>
    private sealed class HouseWriter(string path, int region, int year, Random random, int[] municipalities, int[] otherMunicipalities, string idPrefix, string? house, int houseIndex)
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
        private readonly DateOnly start = new(year, 1, 1);
        private readonly DateOnly end = new(year, 12, 31);
        private int sequence;
        // Each region's companies in their own CVR range; a region's second house in the upper half of it.
        private long cvrStem = 1_000_000 + ((region - 1081) * 1_700_000L) + (houseIndex * 850_000L);

        public int Rows { get; private set; }
        public int BadRows { get; private set; }

        public void Write(int companies, double scale)
        {
            using var stream = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };
            stream.WriteLine("kilde_id;aktivitet;cvr;kommunekode;regionskode;dato;antal;score;raadgiver;international" + (house is null ? string.Empty : ";hus"));
            var badEvery = Math.Max(250, companies * 3 / 5);
            for (var i = 0; i < companies; i++)
            {
                var cvr = NextCvr();
                var municipality = random.NextDouble() < 0.02 ? Pick(otherMunicipalities) : Pick(municipalities);
                var mapped = RandomDate();
                var international = random.NextDouble() < 0.2;
                if (random.NextDouble() < 0.30)
                {
                    Row(stream, "kommunehenvisning", cvr, municipality, Max(start, mapped.AddDays(-random.Next(5, 40))));
                }

                Row(stream, "vaekstkortlaegning", cvr, municipality, mapped, international: international);
                if (random.NextDouble() < 0.10)
                {
                    Row(stream, "vaekstkortlaegning", cvr, municipality, Later(mapped, 60, 200), international: international);
                }

                if (random.NextDouble() < 0.40)
                {
                    Row(stream, "vaekstplan", cvr, municipality, Later(mapped, 5, 60));
                }

                if (random.NextDouble() < 0.86)
                {
                    var referrals = random.NextDouble() < 0.25 ? 2 : 1;
                    for (var r = 0; r < referrals; r++)
                    {
                        Row(stream, "henvisning", cvr, municipality, Later(mapped, 5, 90), adviser: random.NextDouble() < 0.73 ? "privat" : "offentlig");
                    }
                }

                if (random.NextDouble() < 0.45)
                {
                    Row(stream, "tilfredshed", cvr, municipality, Later(mapped, 30, 120), score: Score());
                }

                if (i > 0 && i % badEvery == 0)
                {
                    WriteBadRow(stream, cvr, municipality, mapped);
                }
            }

            for (var e = 0; e < Math.Max(1, (int)Math.Round(24 * scale)); e++)
            {
                Row(stream, "arrangement", null, random.NextDouble() < 0.8 ? Pick(municipalities) : null, RandomDate(), quantity: random.Next(20, 121));
            }

            for (var c = 0; c < Math.Max(1, (int)Math.Round(12 * scale)); c++)
            {
                Row(stream, "kompetenceudvikling", null, Pick(municipalities), RandomDate(), quantity: random.Next(8, 31));
            }

            WriteBadRow(stream, NextCvr(), Pick(municipalities), RandomDate());
        }

        /// <summary>A kilde_id that carries the year, so demo years never share an id (VH2011-1084-0000001).</summary>
        private string Id(int number) => house is null ? $"{idPrefix}{year}-{region}-{number:D7}" : $"{idPrefix}{year}-{house}-{number:D7}";

        private void WriteBadRow(StreamWriter stream, string cvr, int municipality, DateOnly date)
        {
            BadRows++;
            Rows++;
            var id = Id(++sequence);
            var line = ((BadRows + ((region - 1081) * 2)) % 6) switch
            {
                0 => $"{id};vaekstkortlaegning;{cvr[..7]}{(cvr[7] == '9' ? '0' : (char)(cvr[7] + 1))};{municipality};{region};{Iso(date)};;;;",
                1 => $"{id};vaekstkortlaegning;{cvr};999;{region};{Iso(date)};;;;",
                2 => $"{id};tilfredshed;{cvr};{municipality};{region};{Iso(date)};;;;",
                3 => $"{id};vaekstplan;{cvr};{municipality};{region};31-02-{year};;;;",
                4 => $"{Id(sequence - 1)};vaekstplan;{cvr};{municipality};{region};{Iso(date)};;;;",
                _ => $"{id};henvisning;{cvr};{municipality};{region};{Iso(date)};;;ekstern;",
            };
            stream.WriteLine(house is null ? line : $"{line};{house}");
        }

        private void Row(StreamWriter stream, string activity, string? cvr, int? municipality, DateOnly date, int? quantity = null, int? score = null, string? adviser = null, bool international = false)
        {
            Rows++;
            var id = Id(++sequence);

            // Most rows use ISO dates; some houses' exports use the Danish forms.
            var dato = (sequence % 10) switch
            {
                7 => date.ToString("dd-MM-yyyy", Invariant),
                8 => date.ToString("dd.MM.yyyy", Invariant),
                _ => Iso(date),
            };
            stream.Write(id);
            stream.Write(';');
            stream.Write(activity);
            stream.Write(';');
            stream.Write(cvr);
            stream.Write(';');
            stream.Write(municipality?.ToString(Invariant));
            stream.Write(';');
            stream.Write(region.ToString(Invariant));
            stream.Write(';');
            stream.Write(dato);
            stream.Write(';');
            stream.Write(quantity?.ToString(Invariant));
            stream.Write(';');
            stream.Write(score?.ToString(Invariant));
            stream.Write(';');
            stream.Write(adviser);
            stream.Write(';');
            stream.Write(international ? "ja" : string.Empty);
            if (house is not null)
            {
                stream.Write(';');
                stream.Write(house);
            }

            stream.WriteLine();
        }

        private int Score()
        {
            var p = random.NextDouble();
            return p < 0.55 ? 5 : p < 0.95 ? 4 : p < 0.98 ? 3 : p < 0.995 ? 2 : 1;
        }

        private DateOnly RandomDate()
        {
            var pick = random.Next(MonthWeights.Sum());
            var month = 0;
            while (pick >= MonthWeights[month])
            {
                pick -= MonthWeights[month++];
            }

            var first = new DateOnly(year, month + 1, 1);
            return first.AddDays(random.Next(first.AddMonths(1).DayNumber - first.DayNumber));
        }

        private DateOnly Later(DateOnly from, int minDays, int maxDays) => Min(end, from.AddDays(random.Next(minDays, maxDays + 1)));

        private string NextCvr()
        {
            while (true)
            {
                cvrStem += random.Next(1, 6);
                var digits = cvrStem.ToString(Invariant);
                var weights = new[] { 2, 7, 6, 5, 4, 3, 2 };
                var sum = 0;
                for (var d = 0; d < 7; d++)
                {
                    sum += (digits[d] - '0') * weights[d];
                }

                var check = (11 - (sum % 11)) % 11;
                if (check < 10)
                {
                    return digits + check.ToString(Invariant);
                }
            }
        }

        private int Pick(int[] codes) => codes[random.Next(codes.Length)];

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}

public sealed record DemoDataSummary(IReadOnlyList<string> Files, int Rows, int BadRows);
