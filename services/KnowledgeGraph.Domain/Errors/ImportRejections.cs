using KnowledgeGraph.V1;

namespace KnowledgeGraph.Domain.Errors;

/// <summary>How a bulk import reports a row it did not write: counted, and listed with the error it would have raised alone.</summary>
public static class ImportRejections
{
    public static void Reject(this ImportSummary summary, int row, string name, GraphException error)
    {
        summary.Rejected++;
        summary.Errors.Add(new ImportRowError { Row = row, Name = name, Code = error.Kind.CanonicalName(), Reason = error.Reason, Message = error.Message });
    }
}
