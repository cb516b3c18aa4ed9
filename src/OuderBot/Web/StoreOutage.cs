using OuderBot.Storage;

namespace OuderBot.Web;

/// <summary>
/// A store that did not answer (or stayed busy through every retry) is a temporary outage, not the caller's error and
/// not the bot's bug: 503 with Retry-After, so an office script or a proxy tries again. Nothing was changed by then.
/// </summary>
public static class StoreOutage
{
    public const string RetryAfterSeconds = "5";

    public static int StatusCode(Exception exception) =>
        exception is StoreUnavailableException or StoreConflictException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    public static void AddRetryAfter(ProblemDetailsContext context)
    {
        if (context.HttpContext.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
    }
}
