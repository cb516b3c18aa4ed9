namespace OuderBot.Tests.Infrastructure;

/// <summary>
/// Runs a conversation written as a transcript against the real host, and checks every reply.
/// <code>
/// &gt; what the parent sends
/// &lt; the bot's reply, exactly
/// | a further line of the same reply
/// &lt;~ a reply that contains this text
/// </code>
/// Each parent line is followed by the replies the bot must send to it, in order, and no others.
/// </summary>
public static class Transcript
{
    /// <summary>Runs the transcript as <paramref name="from"/>, written to the school <paramref name="to"/> names (its id or number; without one, School:Default).</summary>
    public static async Task RunAsync(this BotApp app, string from, string transcript, string? to = null)
    {
        var turns = Parse(transcript);
        foreach (var (said, expected) in turns)
        {
            var replies = await app.SendAsync(from, said, to: to);
            var shown = string.Join("\n---\n", replies);
            Assert.True(expected.Count == replies.Count,
                $"After \"{said}\" the bot sent {replies.Count} replies, the transcript expects {expected.Count}:\n{shown}");
            for (var i = 0; i < expected.Count; i++)
            {
                var (text, contains) = expected[i];
                if (contains)
                {
                    Assert.True(replies[i].Contains(text, StringComparison.Ordinal), $"After \"{said}\" reply {i + 1} should contain \"{text}\" but was:\n{replies[i]}");
                }
                else
                {
                    Assert.True(text == replies[i], $"After \"{said}\" reply {i + 1} should be:\n{text}\nbut was:\n{replies[i]}");
                }
            }
        }
    }

    private static List<(string Said, List<(string Text, bool Contains)> Expected)> Parse(string transcript)
    {
        var turns = new List<(string, List<(string, bool)>)>();
        foreach (var raw in transcript.Split('\n'))
        {
            var line = raw.TrimEnd('\r').TrimStart();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("> ", StringComparison.Ordinal))
            {
                turns.Add((line[2..], []));
            }
            else if (line.StartsWith("<~ ", StringComparison.Ordinal))
            {
                turns[^1].Item2.Add((line[3..], true));
            }
            else if (line.StartsWith("< ", StringComparison.Ordinal))
            {
                turns[^1].Item2.Add((line[2..], false));
            }
            else if (line.StartsWith("| ", StringComparison.Ordinal) || line == "|")
            {
                var replies = turns[^1].Item2;
                replies[^1] = (replies[^1].Item1 + "\n" + (line.Length > 2 ? line[2..] : ""), replies[^1].Item2);
            }
            else
            {
                throw new FormatException($"Transcript line must start with '> ', '< ', '<~ ' or '| ': {line}");
            }
        }

        return turns;
    }
}

/// <summary>The demo school's parents, by the numbers the README documents.</summary>
public static class DemoParents
{
    public const string BibiParent = "+31611111111";
    public const string TimParent = "+31622222222";
    public const string TimOtherParent = "+31622222223";
    public const string EnglishParentOfTwo = "+31633333333";
    public const string NoorAndSemParent = "+31644444444";
    public const string Stranger = "+31699999999";
}
