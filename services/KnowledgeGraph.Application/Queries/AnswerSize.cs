using KnowledgeGraph.Protocol;

namespace KnowledgeGraph.Application.Queries;

/// <summary>
/// Every answer fits the message limit, whatever the graph: the items of an answer are taken in
/// their order while the whole stays under <see cref="MaxBytes"/>; the cut is reported as
/// MAX_RESULTS by the caller, never as a failed call.
/// </summary>
public sealed class AnswerSize
{
    /// <summary>The message limit less room for the answer's other fields and the transport's framing.</summary>
    public const int MaxBytes = Limits.MaxMessageBytes - 256 * 1024;

    private long _used;

    public bool Cut { get; private set; }

    /// <summary>The leading items that still fit, counting their sizes against this answer.</summary>
    public List<T> Fit<T>(IEnumerable<T> items, Func<T, int> size)
    {
        var fitted = new List<T>();
        foreach (var item in items)
        {
            if (Cut) break;
            var bytes = size(item) + 8;
            if (_used + bytes > MaxBytes)
            {
                Cut = true;
                break;
            }
            _used += bytes;
            fitted.Add(item);
        }
        return fitted;
    }
}
