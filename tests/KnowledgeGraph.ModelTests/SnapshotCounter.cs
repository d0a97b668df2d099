using System.Reflection;
using KnowledgeGraph.Store;

namespace KnowledgeGraph.ModelTests;

/// <summary>A store that counts the read snapshots opened on it, and otherwise is the store it wraps.</summary>
public class SnapshotCounter : DispatchProxy
{
    private IGraphStore _inner = null!;
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public static SnapshotCounter Over(IGraphStore inner, out IGraphStore counted)
    {
        counted = Create<IGraphStore, SnapshotCounter>();
        var counter = (SnapshotCounter)(object)counted;
        counter._inner = inner;
        return counter;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod!.Name == nameof(IGraphStore.OpenSnapshotAsync)) Interlocked.Increment(ref _count);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException error) when (error.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error.InnerException);
            throw;
        }
    }
}
