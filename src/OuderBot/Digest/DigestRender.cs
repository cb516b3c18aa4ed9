using System.Text;

namespace OuderBot.Digest;

/// <summary>
/// The digest as a teacher reads it: an e-mail (HTML for a phone screen, with a plain-text alternative) and the same
/// sections on the digest's page. Every text is HTML-escaped here, where it meets the markup: parents' words, names,
/// the school's data alike.
/// </summary>
public static class DigestRender
{
    /// <summary>HTML-escaped for text and quoted attribute values alike: the five characters that could end either.</summary>
    public static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    public static string Subject(TeacherDigest digest) =>
        $"Dagoverzicht {DigestWords.LongDate(DateOnly.ParseExact(digest.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}: {digest.Summary}";

    public static string Text(DigestSnapshot snapshot, string overviewUrl)
    {
        var digest = snapshot.Digest;
        var text = new StringBuilder();
        text.Append("Dagoverzicht voor ").Append(digest.Teacher).Append(", ").Append(DigestWords.LongDate(DateOnly.ParseExact(digest.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
        text.Append(digest.Summary).Append("\n\n");
        text.Append("Uw overzicht en gesprekken: ").Append(overviewUrl).Append('\n');
        foreach (var section in snapshot.Sections.Where(s => s.HasNews))
        {
            text.Append('\n').Append(section.Title.ToUpperInvariant()).Append('\n');
            foreach (var group in section.Groups)
            {
                if (group.Heading is { } heading)
                {
                    text.Append(heading).Append(":\n");
                }

                foreach (var line in group.Lines)
                {
                    text.Append("- ").Append(line.Text).Append('\n');
                    foreach (var note in line.Notes ?? [])
                    {
                        text.Append("  > ").Append(note).Append('\n');
                    }

                    if (line.Link is { } link)
                    {
                        text.Append("  ").Append(line.LinkText ?? "Link").Append(": ").Append(link).Append('\n');
                    }
                }
            }
        }

        return text.ToString();
    }

    public static string Mail(DigestSnapshot snapshot, string overviewUrl)
    {
        var digest = snapshot.Digest;
        var body = new StringBuilder();
        body.Append("<p style=\"font-size:18px;font-weight:bold;margin:0 0 8px\">").Append(E(digest.Summary)).Append("</p>");
        body.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(E(overviewUrl)).Append("\">Uw overzicht en gesprekken</a></p>");
        Sections(body, snapshot.Sections);
        return Page($"Dagoverzicht {digest.Teacher}", $"Dagoverzicht voor {digest.Teacher}, {DigestWords.LongDate(DateOnly.ParseExact(digest.Date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))}", body.ToString());
    }

    /// <summary>The sections with news, as HTML (for the mail and the page).</summary>
    public static void Sections(StringBuilder body, IEnumerable<DigestSection> sections)
    {
        foreach (var section in sections.Where(s => s.HasNews))
        {
            body.Append("<h2 style=\"font-size:17px;margin:20px 0 6px\">").Append(E(section.Title)).Append("</h2>");
            foreach (var group in section.Groups)
            {
                if (group.Heading is { } heading)
                {
                    body.Append("<h3 style=\"font-size:15px;margin:12px 0 4px\">").Append(E(heading)).Append("</h3>");
                }

                body.Append("<ul style=\"padding-left:20px;margin:0\">");
                foreach (var line in group.Lines)
                {
                    body.Append("<li style=\"margin:0 0 8px\">").Append(E(line.Text));
                    foreach (var note in line.Notes ?? [])
                    {
                        body.Append("<br><span style=\"color:#444\">").Append(E(note)).Append("</span>");
                    }

                    if (line.Link is { } link)
                    {
                        body.Append("<br><a href=\"").Append(E(link)).Append("\">").Append(E(line.LinkText ?? "Openen")).Append("</a>");
                    }

                    body.Append("</li>");
                }

                body.Append("</ul>");
            }
        }
    }

    /// <summary>A whole page (the mail's HTML, the digest's pages): Dutch, for a phone screen.</summary>
    public static string Page(string title, string heading, string bodyHtml) =>
        "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + E(title) + "</title></head>"
        + "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4;color:#111;margin:0;padding:12px\">"
        + "<div style=\"max-width:600px;margin:0 auto\">"
        + "<h1 style=\"font-size:20px;margin:0 0 8px\">" + E(heading) + "</h1>"
        + bodyHtml
        + "</div></body></html>";
}
