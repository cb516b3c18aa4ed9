using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Compound;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using OuderBot.Dialogs;

namespace OuderBot.Faq;

/// <summary>A topic the index found for a question, with how well it fits.</summary>
/// <param name="TopicId">The FAQ topic.</param>
/// <param name="Score">Lucene's BM25 score of the best-matching example of the topic.</param>
/// <param name="Coverage">Share of the question's content words (after stemming) that the topic knows, exactly or as a near-typo.</param>
/// <param name="Probability">The learned topic model's probability of the topic (0 when not asked).</param>
public sealed record FaqHit(string TopicId, float Score, double Coverage, double Probability = 0);

/// <summary>
/// Full-text retrieval over the FAQ's example questions and titles with Lucene.Net: Dutch Snowball stemming,
/// compound splitting ("ouderavond" also yields "ouder" and "avond"), Dutch and English stop words, and fuzzy terms
/// for typos. Built in memory at start (milliseconds for the knowledge base), read-only and thread-safe afterwards.
/// </summary>
public sealed class FaqIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string TextField = "text";
    private const string TopicField = "topic";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly SearchAnalyzer _analyzer;
    private readonly Dictionary<string, HashSet<string>> _topicTerms = new(StringComparer.Ordinal);
    private readonly string[] _topicOfDoc;
    private readonly Dictionary<string, int> _topicsWithTerm = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _nearTerms = new(StringComparer.Ordinal);
    private readonly string[] _vocabulary;

    public FaqIndex(FaqKnowledgeBase knowledge)
    {
        _analyzer = new SearchAnalyzer(CompoundParts(knowledge));
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() };
        var topics = new List<string>();
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var topic in knowledge.Topics)
            {
                var terms = _topicTerms[topic.Id] = new HashSet<string>(StringComparer.Ordinal);
                var texts = topic.Title.Values.Concat(topic.Examples.Values.SelectMany(e => e));
                foreach (var text in texts)
                {
                    var document = new Document
                    {
                        new StringField(TopicField, topic.Id, Field.Store.YES),
                        new Lucene.Net.Documents.TextField(TextField, text, Field.Store.NO),
                    };
                    writer.AddDocument(document);
                    topics.Add(topic.Id);
                    terms.UnionWith(Analyze(text));
                }
            }

            writer.Commit();
        }

        foreach (var term in _topicTerms.Values.SelectMany(t => t))
        {
            _topicsWithTerm[term] = _topicsWithTerm.GetValueOrDefault(term) + 1;
        }

        _vocabulary = _topicsWithTerm.Keys.ToArray();
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _topicOfDoc = topics.ToArray();
    }

    /// <summary>The best topics for a question, best first (at most <paramref name="max"/>, one hit per topic).</summary>
    public IReadOnlyList<FaqHit> Search(string question, int max = 3)
    {
        var terms = Analyze(question).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var query = new BooleanQuery();
        foreach (var term in terms.Take(BooleanQuery.MaxClauseCount / 2))
        {
            query.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
            // Typos: the knowledge base's own words within one edit (two for long words), same first letter.
            foreach (var near in NearTerms(term))
            {
                query.Add(new TermQuery(new Term(TextField, near)) { Boost = 0.5f }, Occur.SHOULD);
            }
        }

        // Dutch compounds written apart ("ouder avond", "tien minuten gesprek"): also look for the joined word.
        var words = Texts.Normalize(question).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (words[i].Length >= 3 && words[i + 1].Length >= 3 && words[i].All(char.IsLetter) && words[i + 1].All(char.IsLetter))
            {
                foreach (var joined in Analyze(words[i] + words[i + 1]).Take(1))
                {
                    query.Add(new TermQuery(new Term(TextField, joined)) { Boost = 1.5f }, Occur.SHOULD);
                }
            }
        }

        var top = _searcher.Search(query, 40);
        var hits = new List<FaqHit>();
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var topic = _topicOfDoc[scoreDoc.Doc];
            if (hits.Any(h => h.TopicId == topic))
            {
                continue;
            }

            hits.Add(new FaqHit(topic, scoreDoc.Score, Coverage(terms, _topicTerms[topic])));
            if (hits.Count == max)
            {
                break;
            }
        }

        return hits;
    }

    /// <summary>
    /// The index's words that are a near-typo of <paramref name="term"/>. The vocabulary is a few thousand words, so a
    /// scan with an allocation-free edit distance (cached per word) is cheaper than Lucene's fuzzy automata.
    /// </summary>
    private string[] NearTerms(string term)
    {
        if (term.Length < 4)
        {
            return [];
        }

        if (_nearTerms.TryGetValue(term, out var cached))
        {
            return cached;
        }

        var edits = term.Length >= 8 ? 2 : 1;
        var near = _vocabulary
            .Where(v => v != term && v[0] == term[0] && Math.Abs(v.Length - term.Length) <= edits && EditDistance.Between(v, term) <= edits)
            .ToArray();
        if (_nearTerms.Count > 50_000)
        {
            _nearTerms.Clear();
        }

        _nearTerms[term] = near;
        return near;
    }

    /// <summary>The question's terms as the index sees them (folded, stop words out, compounds split, stemmed).</summary>
    public IReadOnlyList<string> Analyze(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(TextField, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    /// <summary>
    /// The share of the question the topic accounts for, each word weighted by how specific it is: a word only one
    /// topic uses ("luizen") weighs most, a word every topic uses little, a word no topic knows like a fairly rare one
    /// (weighing unknown words as the rarest made confident answers less precise on the evaluation set).
    /// </summary>
    private double Coverage(List<string> terms, HashSet<string> known)
    {
        var topics = _topicTerms.Count;
        double Weight(int withTerm) => Math.Log(1 + ((double)topics / Math.Max(1, withTerm)));
        double total = 0, found = 0;
        foreach (var term in terms)
        {
            var match = known.Contains(term) ? term : NearTerms(term).FirstOrDefault(known.Contains);
            var withTerm = _topicsWithTerm.GetValueOrDefault(match ?? term);
            var weight = withTerm == 0 ? Weight(Math.Max(1, topics / 4)) : Weight(withTerm);
            total += weight;
            found += match is null ? 0 : weight;
        }

        return total == 0 ? 0 : found / total;
    }

    /// <summary>Word parts for compound splitting: every word of the knowledge base, and the parts Dutch school words are made of.</summary>
    private static CharArraySet CompoundParts(FaqKnowledgeBase knowledge)
    {
        string[] common =
        [
            "ouder", "ouders", "avond", "gesprek", "gesprekken", "minuten", "tien", "school", "tijd", "tijden", "vakantie",
            "bijdrage", "commissie", "raad", "rapport", "nieuws", "brief", "gym", "les", "tas", "kleding", "zaal", "luis",
            "luizen", "opvang", "buiten", "schoolse", "blijven", "kennis", "making", "leer", "kracht", "klacht", "talent",
            "samen", "werking", "thuis", "huis", "werk", "verlof", "aanvraag", "formulier", "medezeggenschap", "directeur",
            "telefoon", "nummer", "mail", "adres", "kerst", "zomer", "herfst", "voorjaar", "mei", "studie", "dag", "dagen",
            "week", "tussen", "reis", "kamp", "sport", "dromen", "hoop", "begin", "jaar", "feest", "controle", "kam",
            "lunch", "eten", "pauze", "dienst", "vrij", "uur", "app", "info", "informatie", "vergadering",
        ];
        var parts = new CharArraySet(Version, 512, ignoreCase: true);
        foreach (var word in common)
        {
            parts.Add(word);
        }

        foreach (var text in knowledge.Topics.SelectMany(t => t.Examples.Values.SelectMany(e => e).Concat(t.Title.Values)))
        {
            foreach (var word in Texts.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length is >= 4 and <= 10 && word.All(char.IsLetter))
                {
                    parts.Add(word);
                }
            }
        }

        return parts;
    }

    private sealed class SearchAnalyzer(CharArraySet compoundParts) : Analyzer
    {
        private static readonly CharArraySet StopWords = BuildStopWords();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, StopWords);
            stream = new DictionaryCompoundWordTokenFilter(Version, stream, compoundParts, minWordSize: 7, minSubwordSize: 3, maxSubwordSize: 15, onlyLongestMatch: false);
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
            return new TokenStreamComponents(tokenizer, stream);
        }

        private static CharArraySet BuildStopWords()
        {
            var set = new CharArraySet(Version, 400, ignoreCase: true);
            foreach (var word in DutchAnalyzer.DefaultStopSet)
            {
                set.Add(word);
            }

            foreach (var word in StopAnalyzer.ENGLISH_STOP_WORDS_SET)
            {
                set.Add(word);
            }

            // Chat words that carry no topic.
            foreach (var word in new[] { "mn", "m'n", "mijn", "graag", "even", "ff", "juf", "meester", "school", "kind", "kinderen", "zoon", "dochter", "my", "i", "can", "you", "we", "our", "what", "how", "when", "where", "do", "does", "wanneer", "waar", "welke", "hallo", "hoi", "goedemorgen", "please", "hi", "hello", "weten", "vraag", "vraagje", "know", "question" })
            {
                set.Add(word);
            }

            return set;
        }
    }
}
