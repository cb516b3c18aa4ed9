namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// A School:Path folder of the test's own (in the system's temp folder, removed afterwards), filled with copies of
/// the demo schools' files, changed as the test needs.
/// </summary>
public sealed class SchoolFolder : IDisposable
{
    /// <summary>The demo schools as shipped beside the binary (dialogs/schools).</summary>
    public static readonly string Demo = System.IO.Path.Combine(AppContext.BaseDirectory, "dialogs", "schools");

    public string Path { get; } = Directory.CreateTempSubdirectory("ouderbot-schools-").FullName;

    /// <summary>The text of a demo school's file ("de-regenboog").</summary>
    public static string DemoFile(string id) => File.ReadAllText(System.IO.Path.Combine(Demo, id + ".yaml"));

    /// <summary>Writes a school file into the folder; returns its full path.</summary>
    public string Write(string fileName, string text)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
