global using KnowledgeGraph.Cli.Tests.Infrastructure;
global using Xunit;
