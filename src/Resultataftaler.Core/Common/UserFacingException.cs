namespace Resultataftaler.Core.Common;

/// <summary>
/// An error a person can act on: bad input, an unusable data directory, a locked database.
/// The message names the file and line or field; hosts print it and exit non-zero.
/// </summary>
public class UserFacingException : Exception
{
    public UserFacingException(string message)
        : base(message)
    {
    }

    public UserFacingException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
