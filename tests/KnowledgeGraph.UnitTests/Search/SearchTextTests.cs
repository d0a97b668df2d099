using KnowledgeGraph.Domain.Search;
using Xunit;

namespace KnowledgeGraph.UnitTests.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("São Tomé", "sao tome")]
    [InlineData("  TOKYO   Gas ", "tokyo gas")]
    [InlineData("Sakhalin-2", "sakhalin 2")]
    [InlineData("Ærø", "ærø")]
    public void Normalize_folds_case_accents_and_punctuation(string text, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(text));

    [Theory]
    [InlineData("tokyo gas", "Tokyo Gas", 1.0)]
    [InlineData("tokyo", "Tokyo Gas", 0.8)]
    [InlineData("gas", "Tokyo Gas", 0.6)]
    [InlineData("yo", "Tokyo Gas", 0.4)]
    [InlineData("osaka", "Tokyo Gas", 0.0)]
    [InlineData("", "Tokyo Gas", 0.0)]
    public void Score_ranks_exact_then_prefix_then_word_then_substring(string query, string candidate, double expected) =>
        Assert.Equal(expected, SearchText.Score(SearchText.Normalize(query), candidate));
}
