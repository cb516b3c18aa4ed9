using System.Diagnostics;
using Microsoft.Extensions.Options;
using OuderBot.Tests.Infrastructure;

namespace OuderBot.Tests.Operations;

/// <summary>A broken setting stops the bot at start with a message naming the key, never a 500 at the first message.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Production", "Admin:ApiKey", "", "Admin:ApiKey is required outside Development")]
    [InlineData("Production", "Twilio:SmsFrom", "+3197010000001", "Twilio:AuthToken and Twilio:AccountSid are required when Twilio:SmsFrom is set")]
    [InlineData("Production", "Notices:Channel", "sms", "Twilio:AuthToken and Twilio:AccountSid are required when Notices:Channel is set")]
    [InlineData("Development", "Storage:Container", "Bot_State", "Storage:Container must be a blob container name")]
    [InlineData("Development", "Shutdown:DrainDelay", "00:05:00", "Shutdown:DrainDelay must be between")]
    [InlineData("Development", "Outbox:MaxAttempts", "0", "Outbox:MaxAttempts must be at least 1")]
    public void ABrokenSettingStopsTheBotAtStartNamingTheKey(string environment, string key, string value, string message)
    {
        var error = BotApp.StartFailure<OptionsValidationException>(new Dictionary<string, string?> { [key] = value }, environment);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStorageConnectionStringThatIsNoneStopsTheBotNamingTheKeyButNotTheValue()
    {
        var error = BotApp.StartFailure<OptionsValidationException>(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "AzureBlob",
            ["Storage:ConnectionString"] = "AccountName=ouderbot;secret-but-broken",
        });
        Assert.Contains("Storage:ConnectionString is no Azure Storage connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-but-broken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublishedBotInProductionWithoutAnOfficeKeyExitsWithTheReasonOnStandardError()
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OuderBot.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Testing.ToolProcess.FreePort()}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Path"] = Directory.CreateTempSubdirectory("ouderbot-start-").FullName;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Admin:ApiKey is required outside Development", await stdout + await stderr, StringComparison.Ordinal);
    }
}
