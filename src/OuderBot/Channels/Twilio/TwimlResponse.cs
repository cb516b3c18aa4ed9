using System.Text;
using System.Xml;

namespace OuderBot.Channels.Twilio;

/// <summary>
/// The reply to Twilio's messaging webhook as TwiML: one &lt;Message&gt; per text, XML-escaped. Answering in the
/// webhook's response needs no REST call and keeps a WhatsApp reply inside the parent's 24-hour session.
/// </summary>
public static class TwimlResponse
{
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>Twilio refuses a message body over 1600 characters.</summary>
    public const int MaxMessageLength = 1600;

    /// <summary>An SMS reply longer than this many segments is sent as several messages, so each arrives whole.</summary>
    public const int MaxSmsSegments = 3;

    public static string Render(IEnumerable<string> messages)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("Response");
            foreach (var message in messages)
            {
                xml.WriteElementString("Message", XmlText(message));
            }

            xml.WriteEndElement();
        }

        // XmlWriter over a StringBuilder declares utf-16; the bytes go out as UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// The text without the characters XML 1.0 cannot hold (control characters other than tab, line feed and carriage
    /// return; lone surrogates; U+FFFE and U+FFFF), so rendering never fails on a reply. They are dropped, not replaced:
    /// a replacement such as U+FFFD would make a GSM-7 SMS UCS-2 and double its cost.
    /// </summary>
    internal static string XmlText(string text) => Dialogs.Texts.Keep(text, XmlConvert.IsXmlChar);

    /// <summary>The reply texts as messages: each within Twilio's 1600 characters, and on SMS within three segments,
    /// split at paragraphs, then sentences, then words.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string> texts, bool sms)
    {
        Func<string, bool> fits = sms
            ? t => t.Length <= MaxMessageLength && SmsSegments.Count(t) <= MaxSmsSegments
            : t => t.Length <= MaxMessageLength;
        return texts.SelectMany(t => SplitText(t, fits)).ToList();
    }

    internal static IEnumerable<string> SplitText(string text, Func<string, bool> fits)
    {
        if (fits(text))
        {
            return [text];
        }

        // Paragraphs (blank line, then line), then sentences, then words, then characters.
        foreach (var separator in new[] { "\n\n", "\n", ". ", "? ", "! ", " " })
        {
            var pieces = SplitKeeping(text, separator);
            if (pieces.Count > 1)
            {
                return Pack(pieces, separator[separator.TrimEnd().Length..], fits).SelectMany(p => SplitText(p, fits));
            }
        }

        var cut = 1;
        while (cut < text.Length && fits(text[..(cut + 1)]))
        {
            cut++;
        }

        // Never between the two halves of one character (an emoji): either half alone is no character at all.
        if (cut < text.Length && char.IsHighSurrogate(text[cut - 1]) && char.IsLowSurrogate(text[cut]))
        {
            cut += cut > 1 ? -1 : 1;
        }

        return new[] { text[..cut] }.Concat(SplitText(text[cut..], fits));
    }

    /// <summary>Splits after each separator; sentence separators stay with their sentence, whitespace is trimmed at the cut.</summary>
    private static List<string> SplitKeeping(string text, string separator)
    {
        var pieces = new List<string>();
        var start = 0;
        for (var at = text.IndexOf(separator, StringComparison.Ordinal); at >= 0; at = text.IndexOf(separator, start, StringComparison.Ordinal))
        {
            var end = at + separator.TrimEnd().Length;
            pieces.Add(text[start..end]);
            start = at + separator.Length;
        }

        pieces.Add(text[start..]);
        return pieces.Where(p => p.Trim().Length > 0).ToList();
    }

    /// <summary>Joins neighbouring pieces again (with what stood between them) while the joined text still fits.</summary>
    private static IEnumerable<string> Pack(List<string> pieces, string join, Func<string, bool> fits)
    {
        var current = pieces[0];
        foreach (var piece in pieces.Skip(1))
        {
            var joined = current + join + piece;
            if (fits(joined))
            {
                current = joined;
            }
            else
            {
                yield return current.Trim();
                current = piece;
            }
        }

        yield return current.Trim();
    }
}
