using KnowledgeGraph.V1;

namespace KnowledgeGraph.Cli.Output;

/// <summary>Exposures and contributions as text: one figure when every share is known, an interval when some is not.</summary>
public static class ExposureViews
{
    /// <summary><c>9%</c>, or <c>9%–45% (some shares unknown)</c>.</summary>
    public static string Exposure(double lower, double upper, bool quantified) =>
        quantified ? Values.Percent(lower) : $"{Values.Percent(lower)}–{Values.Percent(upper)} (some shares unknown)";

    public static string Exposure(DependencyExposure dependency) =>
        Exposure(dependency.ExposureLower, dependency.ExposureUpper, dependency.Quantified);

    /// <summary>A route's share: <c>9%</c>, or <c>≤45%</c> with the hops whose share is unknown.</summary>
    public static string Contribution(DependencyRoute route) =>
        route.Quantified
            ? Values.Percent(route.Contribution)
            : $"≤{Values.Percent(route.ContributionUpper)} (share unknown on hop {string.Join(", ", route.UnquantifiedHops.Select(h => h + 1))})";

    /// <summary>What an exclusion changed: <c>was 45%, change −30%</c>; empty when nothing changed.</summary>
    public static string Change(ExposureComparison? comparison, bool quantified)
    {
        if (comparison is null || (comparison.ChangeLower == 0 && comparison.ChangeUpper == 0)) return "";
        var was = Exposure(comparison.BaselineLower, comparison.BaselineUpper, quantified && comparison.BaselineLower == comparison.BaselineUpper);
        var change = comparison.ChangeLower == comparison.ChangeUpper
            ? Signed(comparison.ChangeLower)
            : $"{Signed(comparison.ChangeLower)} to {Signed(comparison.ChangeUpper)}";
        return $"; was {was}, change {change}";
    }

    private static string Signed(double change) => (change < 0 ? "−" : "+") + Values.Percent(Math.Abs(change));
}
