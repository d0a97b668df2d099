namespace KnowledgeGraph.Cli.Import;

/// <summary>
/// One file given to <c>kg import</c>: the name it is reported by and where it is read from. Standard
/// input (<c>-</c>) is copied to a temporary file first, because the import reads every input once per kind.
/// </summary>
public sealed class ImportInput : IDisposable
{
    private readonly bool _temporary;

    private ImportInput(string name, string path, bool temporary)
    {
        Name = name;
        Path = path;
        _temporary = temporary;
    }

    public string Name { get; }
    public string Path { get; }

    public static ImportInput Open(string argument, TextReader stdin)
    {
        if (argument != "-")
            return File.Exists(argument) ? new ImportInput(argument, argument, false) : throw new UsageException($"no such file: {argument}");
        var path = System.IO.Path.GetTempFileName();
        using (var copy = new StreamWriter(path))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = stdin.Read(buffer, 0, buffer.Length)) > 0) copy.Write(buffer, 0, read);
        }
        return new ImportInput(argument, path, true);
    }

    public void Dispose()
    {
        if (_temporary) File.Delete(Path);
    }
}
