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

    /// <summary>The board's key (X-Api-Key): every school, with ?school=ID where the deployment serves more than one.
    /// With no key at all configured, the office endpoints are closed.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Each school's own key (Admin:SchoolKeys:{id}): that school only.</summary>
    public Dictionary<string, string> SchoolKeys { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Outside Development the office needs a key: without one every office endpoint is closed, which nobody
/// notices until the office needs it.</summary>
internal sealed class AdminOptionsValidator(IHostEnvironment environment) : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.ApiKey) && !options.SchoolKeys.Values.Any(k => !string.IsNullOrWhiteSpace(k)))
        {
            return ValidateOptionsResult.Fail("Admin:ApiKey is required outside Development (or Admin:SchoolKeys:{id} per school): without a key the office cannot log in. Set it with the environment variable Admin__ApiKey or a Key Vault reference.");
        }

        return ValidateOptionsResult.Success;
    }
}

public static class AdminOptionsExtensions
{
    public static IServiceCollection AddAdminOptions(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        return services;
    }
}

public sealed record AdminStats(long Turns, long StorageRoundTrips);

/// <summary>An office endpoint about the whole deployment rather than one school (its figures, no school's data).</summary>
public sealed record BoardWide;

/// <summary>The school office's endpoints under /api/admin/, all behind the X-Api-Key check, each about one school.</summary>
public static class AdminEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";
    private static readonly object SchoolItem = new();

    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").AddEndpointFilter<ApiKeyFilter>();
        group.MapGet("/stats", (TurnPipeline pipeline, CountingStateStore store) =>
            TypedResults.Ok(new AdminStats(pipeline.Turns, store.RoundTrips))).WithMetadata(new BoardWide());
        return group;
    }

    /// <summary>Whether a key given matches the one expected, compared in constant time whatever the lengths.</summary>
    public static bool KeyMatches(string given, string expected) => ApiKeyFilter.FixedTimeEquals(given, expected);

    /// <summary>Who logs in with this key for this school (the office's login page): the board's key for any school, a
    /// school's own key for that school; null otherwise. Compared in constant time.</summary>
    public static Office.OfficeIdentity? Login(AdminOptions settings, Schools schools, string? schoolId, string? key)
    {
        if (schools.Find(schoolId?.Trim() ?? "") is not { } school || string.IsNullOrEmpty(key))
        {
            return null;
        }

        if (settings.ApiKey is { Length: > 0 } board && ApiKeyFilter.FixedTimeEquals(key, board))
        {
            return new Office.OfficeIdentity(school.Id, Board: true);
        }

        return settings.SchoolKeys.GetValueOrDefault(school.Id) is { Length: > 0 } own && ApiKeyFilter.FixedTimeEquals(key, own)
            ? new Office.OfficeIdentity(school.Id, Board: false)
            : null;
    }

    /// <summary>The school the office request is about, as the key check resolved it (the key's school, or ?school=).</summary>
    public static SchoolContext School(HttpContext http) =>
        http.Items[SchoolItem] as SchoolContext ?? throw new InvalidOperationException("Only for endpoints in the office's route group.");

    /// <summary>
    /// 403 when no key is configured (closed, never open), 401 when the request's key is missing or wrong. The board
    /// key reaches every school (?school=ID, required with more than one school; 404 for an unknown one); a school's
    /// own key reaches that school only (403 for any other).
    /// </summary>
    private sealed class ApiKeyFilter(IOptionsMonitor<AdminOptions> options, Schools schools, TimeProvider time) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var settings = options.CurrentValue;
            var board = string.IsNullOrWhiteSpace(settings.ApiKey) ? null : settings.ApiKey;
            var schoolKeys = settings.SchoolKeys.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToList();
            if (board is null && schoolKeys.Count == 0)
            {
                return TypedResults.Problem("The office endpoints are closed: no Admin:ApiKey or Admin:SchoolKeys is configured.", statusCode: StatusCodes.Status403Forbidden);
            }

            var http = context.HttpContext;
            var given = http.Request.Headers[ApiKeyHeader].ToString();
            var requested = http.Request.Query["school"].ToString() is { Length: > 0 } id ? id.Trim() : null;
            var boardWide = http.GetEndpoint()?.Metadata.GetMetadata<BoardWide>() is not null;
            // The office's pages: a GET with the session cookie of a login counts as that key (see OfficeSession).
            var session = given.Length == 0 && HttpMethods.IsGet(http.Request.Method)
                ? Office.OfficeSession.Read(http.Request.Cookies[Office.OfficeSession.CookieName], settings, time.GetUtcNow())
                : null;
            if (session is { Board: true })
            {
                (given, requested) = (board ?? "", requested ?? session.SchoolId);
            }
            else if (session is { Board: false })
            {
                given = settings.SchoolKeys.GetValueOrDefault(session.SchoolId) ?? "";
            }

            SchoolContext? school;
            if (board is not null && FixedTimeEquals(given, board))
            {
                school = requested is null ? (schools.All.Count == 1 ? schools.All[0] : null) : schools.Find(requested);
                if (requested is not null && school is null)
                {
                    return TypedResults.Problem($"There is no school '{requested}'. Schools: {string.Join(", ", schools.All.Select(s => s.Id))}.", statusCode: StatusCodes.Status404NotFound);
                }

                if (school is null && !boardWide)
                {
                    return TypedResults.Problem($"Add ?school=ID: this deployment serves {schools.All.Count} schools ({string.Join(", ", schools.All.Select(s => s.Id))}).", statusCode: StatusCodes.Status400BadRequest);
                }
            }
            else if (schoolKeys.FirstOrDefault(kv => FixedTimeEquals(given, kv.Value)) is { Key: { } keyOf })
            {
                school = schools.Find(keyOf);
                if (school is null || (requested is not null && !string.Equals(requested, school.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    return TypedResults.Problem("This key is for another school.", statusCode: StatusCodes.Status403Forbidden);
                }
            }
            else
            {
                return TypedResults.Problem($"Send the office's key in the {ApiKeyHeader} header.", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (school is not null)
            {
                http.Items[SchoolItem] = school;
            }

            return await next(context);
        }

        internal static bool FixedTimeEquals(string given, string expected)
        {
            // Hash both so the comparison takes the same time whatever the lengths.
            var a = SHA256.HashData(Encoding.UTF8.GetBytes(given));
            var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
            return CryptographicOperations.FixedTimeEquals(a, b);
        }
    }
}
