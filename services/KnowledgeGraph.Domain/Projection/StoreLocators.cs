namespace KnowledgeGraph.Domain.Projection;

/// <summary>
/// Where the store keeps each entity and relationship the projection loaded (its locator: see the
/// store port's <c>Located</c>), by projection id, or <see cref="None"/>. What the change feed adds later
/// has none, nor has a locator beyond an int. A locator is a hint that may have gone stale (the
/// evidence reader keys what it reads by name), and ids never change meaning, so every version of a projection
/// shares the one its load made. Four bytes an entity and a relationship: 24 MB at 1M x 5M.
/// </summary>
public sealed class StoreLocators
{
    private readonly int[] _entities;
    private readonly int[] _relationships;

    private StoreLocators(int[] entities, int[] relationships) => (_entities, _relationships) = (entities, relationships);

    /// <summary>The locator of a resource its store gave none.</summary>
    public const long None = -1;

    public static StoreLocators Empty { get; } = new([], []);

    public long Entity(int entity) => entity < _entities.Length ? _entities[entity] : None;

    public long Relationship(int relationship) => relationship < _relationships.Length ? _relationships[relationship] : None;

    /// <summary>
    /// Collects the locators as a load assigns ids, growing like <see cref="EdgeColumns"/> (by half once
    /// large). The arrays are kept with their spare room (filled with "none"): trimming them would copy
    /// 20 MB while the load is at its peak.
    /// </summary>
    internal sealed class Builder
    {
        private int[] _entities = [];
        private int[] _relationships = [];

        public void Entity(int entity, long locator) => Set(ref _entities, entity, locator);

        public void Relationship(int relationship, long locator) => Set(ref _relationships, relationship, locator);

        public StoreLocators ToLocators() => new(_entities, _relationships);

        private static void Set(ref int[] locators, int id, long locator)
        {
            if (id >= locators.Length)
            {
                var grown = new int[Math.Max(1024, Math.Max(id + 1, locators.Length < 1 << 20 ? 2 * locators.Length : locators.Length + locators.Length / 2))];
                locators.CopyTo(grown, 0);
                Array.Fill(grown, (int)None, locators.Length, grown.Length - locators.Length);
                locators = grown;
            }
            locators[id] = locator is >= 0 and <= int.MaxValue ? (int)locator : (int)None;
        }
    }
}
