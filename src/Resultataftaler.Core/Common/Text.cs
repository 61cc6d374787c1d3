namespace Resultataftaler.Core.Common;

/// <summary>
/// A text a person reads, in Danish and English. Core says everything to users this way; the web
/// shows the language the person chose, the CLI and the Danish reports use <see cref="Danish"/>.
/// </summary>
public readonly record struct Text(string Danish, string English)
{
    public string In(bool english) => english ? English : Danish;

    public override string ToString() => Danish;
}
