namespace OuderBot.Web;

/// <summary>
/// A file of one of the bot's own pages (the simulator, the office), with the headers every page gets: a
/// Content-Security-Policy that allows nothing from elsewhere (no CDN, no inline script), no sniffing, no framing, no
/// referrer, and not kept in a cache (the pages show personal data).
/// </summary>
public sealed class PageFile(string path, string contentType) : IResult
{
    public static PageFile Html(string folder, string name) => new(Path.Combine(folder, name), "text/html; charset=utf-8");

    public static PageFile Script(string folder, string name) => new(Path.Combine(folder, name), "text/javascript; charset=utf-8");

    public static PageFile Style(string folder, string name) => new(Path.Combine(folder, name), "text/css; charset=utf-8");

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        httpContext.Response.ContentType = contentType;
        await httpContext.Response.SendFileAsync(path, httpContext.RequestAborted);
    }
}
