namespace KnowledgeGraph.Bench.Generation;

/// <summary>Draws one of <c>count</c> ranked items, item <c>i</c> with probability proportional to <c>(i + 1)^-exponent</c>.</summary>
internal sealed class PowerLawSampler
{
    private readonly double[] _cumulative;

    public PowerLawSampler(int count, double exponent)
    {
        _cumulative = new double[count];
        var total = 0.0;
        for (var i = 0; i < count; i++) _cumulative[i] = total += Math.Pow(i + 1, -exponent);
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }
}
