namespace Resultataftaler.Tests.Support;

/// <summary>
/// The people the authorization matrices try every route and handler as: anonymous, each role
/// (Hovedstaden for the regional ones) and a KKR secretariat of another region (Midtjylland).
/// </summary>
public static class Personas
{
    public const string Anonymous = "anonym";
    public const string Admin = "administrator";
    public const string Ministry = "ministerium";
    public const string KkrOwn = "kkr-hovedstaden";
    public const string HouseOwn = "husleder-hovedstaden";
    public const string KkrOther = "kkr-midtjylland";

    public static readonly string[] All = [Anonymous, Admin, Ministry, KkrOwn, HouseOwn, KkrOther];

    /// <summary>A client per person, signed in through the real form (anonymous not signed in).</summary>
    public static async Task<Dictionary<string, HttpClient>> SignInAllAsync(WebTestHost host) => new()
    {
        [Anonymous] = host.Anonymous(),
        [Admin] = await host.SignInAsync(WebTestHost.Administrator),
        [Ministry] = await host.SignInAsync(WebTestHost.Ministerium),
        [KkrOwn] = await host.SignInAsync(WebTestHost.Kkr("Region Hovedstaden")),
        [HouseOwn] = await host.SignInAsync(WebTestHost.Husleder("Region Hovedstaden")),
        [KkrOther] = await host.SignInAsync(WebTestHost.Kkr("Region Midtjylland")),
    };

    /// <summary>
    /// A refusal as the matrices expect it: anonymous is sent to sign in (or gets 401), anyone else
    /// gets 403 or 404, and the answer carries none of the agreements' data.
    /// </summary>
    public static void AssertRefused(string person, HttpResponseMessage response, string body, string what)
    {
        var status = (int)response.StatusCode;
        if (person == Anonymous)
        {
            Assert.That(status == 401 || (status == 302 && response.Headers.Location!.AbsolutePath == "/konto/log-ind"), $"anonymous must be sent to sign in, got {status}");
        }
        else
        {
            Assert.That(status, Is.AnyOf(403, 404), $"{person} must be refused {what}");
        }

        Assert.That(body, Does.Not.Contain("Resultataftale 2011").And.Not.Contain("VEJLEDTE").And.Not.Contain("Vejledte virksomheder").And.Not.Contain("%PDF").And.Not.StartWith("PK"), "a refusal carries no data");
    }
}
