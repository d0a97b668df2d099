namespace KnowledgeGraph.Cli;

/// <summary>The process exit codes of <c>kg</c>; listed in <c>kg --help</c> and tools/kg/README.md.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Bad command line: unknown command or option, missing argument, unreadable file or date.</summary>
    public const int Usage = 1;
    /// <summary>The entity or relationship does not exist.</summary>
    public const int NotFound = 2;
    /// <summary>The server rejected the input, or an import rejected at least one row.</summary>
    public const int InvalidInput = 3;
    /// <summary>A service could not be reached, or did not answer in time.</summary>
    public const int Unavailable = 4;
    /// <summary>Any other server error.</summary>
    public const int ServerError = 5;
    /// <summary>No valid token (UNAUTHENTICATED), or the token lacks the scope the call needs (PERMISSION_DENIED).</summary>
    public const int NotAuthorized = 6;

    public const string HelpText =
        "Exit codes: 0 ok, 1 usage error, 2 not found, 3 invalid input or rejected import rows, " +
        "4 service unavailable, 5 other server error, 6 no valid token or missing scope.";
}
