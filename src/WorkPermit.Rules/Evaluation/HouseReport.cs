namespace WorkPermit.Rules.Evaluation;

/// <summary>Adds house findings to a report: the findings themselves, their documents and actions, and questions for
/// the facts they miss.</summary>
internal static class HouseReport
{
    private static readonly Citation NoCitation = new("house", "The firm's own rule", string.Empty);

    public static WorkPermitReport Add(WorkPermitReport report, IReadOnlyList<HouseFinding> house)
    {
        if (house.Count == 0)
        {
            return report;
        }

        var ordered = house.OrderBy(h => h.Id, StringComparer.Ordinal).ToArray();
        var results = ordered.Select(Result).ToArray();
        var documents = report.Documents.Concat(ordered.SelectMany(h => h.Documents.Select(d => new ReportItem(d, h.Id)))).Distinct().ToArray();
        var actions = report.Actions.Concat(ordered.SelectMany(h => h.Actions.Select(a => new ReportItem(a, h.Id)))).Distinct().ToArray();
        return report with { House = results, Documents = documents, Actions = actions, Questions = Questions(report.Questions, ordered) };
    }

    private static FindingResult Result(HouseFinding finding)
    {
        var citation = finding.Citation ?? NoCitation;
        return new FindingResult
        {
            RuleId = finding.Id,
            Title = finding.Title,
            Kind = finding.Kind,
            Outcome = finding.Outcome,
            Applies = Tri.Yes,
            Read = [.. finding.Read.Union(finding.Missing, StringComparer.Ordinal)],
            Missing = [.. finding.Missing],
            Citation = citation,
            Citations = [citation],
            Interpretations = [],
            Note = finding.Note,
        };
    }

    /// <summary>The catalogue's questions, then one for each fact an unknown house finding misses: a profile fact is
    /// asked with the library's question (or, when the catalogue already asks it, its question also names the house
    /// finding), a host fact with the house finding's own question.</summary>
    private static IReadOnlyList<Question> Questions(IReadOnlyList<Question> catalogue, IReadOnlyList<HouseFinding> house)
    {
        var questions = catalogue.ToList();
        foreach (var finding in house.Where(h => h.Outcome == Tri.Unknown))
        {
            foreach (var fact in finding.Missing)
            {
                var affects = "house." + finding.Id;
                var index = questions.FindIndex(q => string.Equals(q.Fact, fact, StringComparison.Ordinal));
                if (index >= 0)
                {
                    questions[index] = questions[index] with { Affects = [.. questions[index].Affects, affects] };
                    continue;
                }

                var descriptor = FactCatalog.All.FirstOrDefault(d => string.Equals(d.Path, fact, StringComparison.Ordinal));
                questions.Add(descriptor is not null
                    ? new Question { Fact = fact, Text = descriptor.Question, Kind = descriptor.Kind, AllowedAnswers = descriptor.AllowedAnswers, Affects = [affects] }
                    : new Question
                    {
                        Fact = fact,
                        Text = finding.Questions.TryGetValue(fact, out var text) ? text : $"What is {fact}? (asked by {finding.Id})",
                        Kind = FactKind.Text,
                        AllowedAnswers = [],
                        Affects = [affects],
                    });
            }
        }

        return questions;
    }
}
