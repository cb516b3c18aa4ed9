using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OuderBot.Bot;
using OuderBot.Storage;

namespace OuderBot.Admin;

/// <summary>Configuration section "Admin".</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The key the school's office sends as X-Api-Key. With none configured, the office endpoints are closed.</summary>
    public string? ApiKey { get; set; }
}

public sealed record AdminStats(long Turns, long StorageRoundTrips);

/// <summary>The school office's endpoints under /api/admin/, all behind the X-Api-Key check.</summary>
public static class AdminEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").AddEndpointFilter<ApiKeyFilter>();
        group.MapGet("/stats", (TurnPipeline pipeline, CountingStateStore store) =>
            TypedResults.Ok(new AdminStats(pipeline.Turns, store.RoundTrips)));
        return group;
    }

    /// <summary>403 when no key is configured (closed, never open), 401 when the request's key is missing or wrong.</summary>
    private sealed class ApiKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var expected = options.CurrentValue.ApiKey;
            if (string.IsNullOrWhiteSpace(expected))
            {
                return TypedResults.Problem("The office endpoints are closed: no Admin:ApiKey is configured.", statusCode: StatusCodes.Status403Forbidden);
            }

            var given = context.HttpContext.Request.Headers[ApiKeyHeader].ToString();
            if (!FixedTimeEquals(given, expected))
            {
                return TypedResults.Problem($"Send the office's key in the {ApiKeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized);
            }

            return await next(context);
        }

        private static bool FixedTimeEquals(string given, string expected)
        {
            // Hash both so the comparison takes the same time whatever the lengths.
            var a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
            var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
            return CryptographicOperations.FixedTimeEquals(a, b);
        }
    }
}
