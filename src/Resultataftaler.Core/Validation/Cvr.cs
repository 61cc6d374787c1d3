namespace Resultataftaler.Core.Validation;

/// <summary>Danish company number: 8 digits, first not 0, digits × 2,7,6,5,4,3,2,1 summed divisible by 11.</summary>
public static class Cvr
{
    private static readonly int[] Weights = [2, 7, 6, 5, 4, 3, 2, 1];

    public static bool IsValid(string? value) => Explain(value) is null;

    /// <summary>Null when valid, else why not (in Danish, for the quarantine reason).</summary>
    public static string? Explain(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return "CVR mangler";
        }

        if (text.Length != 8 || !text.All(char.IsAsciiDigit))
        {
            return $"CVR '{Common.Quoted.Field(text)}' skal være 8 cifre";
        }

        if (text[0] == '0')
        {
            return $"CVR '{Common.Quoted.Field(text)}' må ikke begynde med 0";
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (text[i] - '0') * Weights[i];
        }

        return sum % 11 == 0 ? null : $"CVR '{Common.Quoted.Field(text)}' fejler modulus 11-kontrollen";
    }
}
