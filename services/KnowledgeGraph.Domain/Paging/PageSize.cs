using KnowledgeGraph.Domain.Errors;
using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Domain.Paging;

public static class PageSize
{
    /// <summary>0 means the default; negative or above the maximum is INVALID_ARGUMENT.</summary>
    public static int Resolve(int requested, int defaultSize = Limits.DefaultPageSize, int max = Limits.MaxPageSize, string field = "page_size")
    {
        if (requested == 0) return defaultSize;
        if (requested < 0 || requested > max)
            throw GraphException.InvalidArgument(ErrorReasons.OutOfRange, field, $"must lie in 1..{max} (0 means {defaultSize}), got {requested}");
        return requested;
    }
}
