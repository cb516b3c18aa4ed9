using OuderBot.Testing;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Digest;

/// <summary>A digest test class with its own school folder and SMTP sink (maildev), started and stopped with it.</summary>
public abstract class DigestMailTest : IAsyncLifetime
{
    protected SchoolFolder Folder { get; } = new();

    protected MailDevProcess MailDev { get; private set; } = null!;

    public async Task InitializeAsync() => MailDev = await MailDevProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await MailDev.DisposeAsync();
        Folder.Dispose();
    }
}
