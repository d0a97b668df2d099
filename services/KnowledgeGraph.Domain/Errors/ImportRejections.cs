using Grpc.Core;
using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Errors;

/// <summary>How a bulk import reports a row it did not write: counted, and listed with the error it would have raised alone.</summary>
public static class ImportRejections
{
    public static void Reject(this ImportSummary summary, int row, string name, GraphException error)
    {
        summary.Rejected++;
        summary.Errors.Add(new ImportRowError { Row = row, Name = name, Code = CanonicalName(error.Code), Reason = error.Reason, Message = error.Message });
    }

    /// <summary>The canonical code name, for example INVALID_ARGUMENT for <see cref="StatusCode.InvalidArgument"/>.</summary>
    public static string CanonicalName(StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
