namespace Resultataftaler.Core.Common;

/// <summary>
/// An error a person can act on: bad input, an unusable data directory, a locked database.
/// The message names the file and line or field; hosts print it (<see cref="Text"/> in the
/// person's language on the web, Danish in the terminal) and exit non-zero.
/// </summary>
public class UserFacingException : Exception
{
    public UserFacingException(Text text)
        : base(text.Danish) => Text = text;

    public UserFacingException(Text text, Exception inner)
        : base(text.Danish, inner) => Text = text;

    /// <summary>A message for operators only (terminal, log): Danish in both languages.</summary>
    public UserFacingException(string message)
        : this(new Text(message, message))
    {
    }

    /// <summary>A message for operators only (terminal, log): Danish in both languages.</summary>
    public UserFacingException(string message, Exception inner)
        : this(new Text(message, message), inner)
    {
    }

    public Text Text { get; }
}
