using KnowledgeGraph.Domain.Projection;

namespace KnowledgeGraph.Store;

/// <summary>
/// A resource with its locator: a number by which its store reads it back more cheaply than by name
/// (the embedded store's row key, which skips the lookup in the unique index of names). The Queries
/// projection keeps the locators of what it loaded, so the evidence of an answer is read without a
/// lookup by name. A locator is only a hint: once its resource is deleted it may hold nothing or
/// another resource, so a reader takes what it reads back by the names it carries. <see cref="StoreLocators.None"/>
/// when the store has none.
/// </summary>
public readonly record struct Located<T>(T Resource, long Locator);
