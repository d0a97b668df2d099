namespace KnowledgeGraph.Domain.Search;

/// <summary>
/// The best <c>limit</c> search matches seen so far, in ranking order (higher score first, then by
/// name), holding no more than <c>limit</c> of them however many candidates stream past.
/// </summary>
public sealed class TopMatches(int limit)
{
    private readonly SortedSet<(double Score, string Name)> _best = new(Comparer<(double Score, string Name)>.Create(
        (a, b) => EntitySearch.Compare(a.Score, a.Name, b.Score, b.Name)));

    public void Offer(string name, double score)
    {
        if (score <= 0 || limit <= 0) return;
        _best.Add((score, name));
        if (_best.Count > limit) _best.Remove(_best.Max);
    }

    public IReadOnlyList<string> Names => _best.Select(m => m.Name).ToList();
}
