using Resultataftaler.Core.Demo;

/// <summary>Benchmark input: the demo generator's per-house files merged into one CSV.</summary>
internal static class BenchData
{
    public static (string Path, int Rows) Merge(DemoDataSummary demo, string target)
    {
        using var output = new StreamWriter(target);
        var count = 0;
        foreach (var file in demo.Files)
        {
            using var input = new StreamReader(file);
            var header = input.ReadLine();
            if (count == 0)
            {
                output.WriteLine(header);
            }

            while (input.ReadLine() is { } line)
            {
                output.WriteLine(line);
                count++;
            }
        }

        return (target, count);
    }
}
