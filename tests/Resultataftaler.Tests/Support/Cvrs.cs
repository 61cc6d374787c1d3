using System.Globalization;

namespace Resultataftaler.Tests.Support;

/// <summary>Valid CVR numbers for test data: a 7-digit stem and the check digit that makes the modulus-11 sum divide.</summary>
public static class Cvrs
{
    private static readonly int[] Weights = [2, 7, 6, 5, 4, 3, 2];

    public static IEnumerable<string> Valid(int start = 1_000_000)
    {
        for (var stem = start; stem < 10_000_000; stem++)
        {
            var digits = stem.ToString(CultureInfo.InvariantCulture);
            var sum = digits.Select((c, i) => (c - '0') * Weights[i]).Sum();
            var check = (11 - (sum % 11)) % 11;
            if (check < 10)
            {
                yield return digits + check.ToString(CultureInfo.InvariantCulture);
            }
        }
    }
}
