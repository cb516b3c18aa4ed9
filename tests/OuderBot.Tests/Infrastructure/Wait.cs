namespace OuderBot.Tests.Infrastructure;

/// <summary>For what a background worker does: polls until it holds, up to 15 seconds.</summary>
public static class Wait
{
    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"Waited 15 s in vain: {what}.");
    }
}
