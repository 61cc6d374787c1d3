namespace Resultataftaler.Core.Activities;

public enum AdviserKind
{
    Private,
    Public,
}
